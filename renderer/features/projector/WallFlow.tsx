import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWallPager } from './use-wall-pager';
import { chooseTier, columnsThatFit, flowIntoPages, type FlowPages } from './wall-pages';
import { MIN_TEXT_VH, wallUnitPx } from './wall-size';

export interface WallBlock {
  key: string;
  node: ReactNode;
  /** A heading stays with the block after it. */
  heading?: boolean;
  /** Words the CSS styles the block by (data-look), in the shown layout and the hidden copy alike. */
  look: string;
  /** Class names of the shown block only, for what finds it (tests, the a11y tree); the copy has none. */
  className?: string;
  /** The running agenda item. */
  current?: boolean;
}

interface WallFlowProps {
  blocks: readonly WallBlock[];
  /** Type sizes to try, in wall units (wall-size.ts), largest first; none under MIN_TEXT_VH. */
  tiers: readonly number[];
  /** A column's narrowest width in em of the type: long words must fit a line. */
  columnEm: number;
  maxColumns: number;
  /** 'ol' / 'ul' make each column a list and each block an item; 'div' for mixed content. */
  list: 'ol' | 'ul' | 'div';
  className?: string;
  /** Class of the shown columns only (see WallBlock.className). */
  columnClass?: string;
  testId?: string;
}

interface Area {
  width: number;
  height: number;
  /** The window size it was measured in, so a test knows the layout has caught up with a resize. */
  window: string;
}

interface Fit {
  tier: number;
  columns: number;
  pages: FlowPages;
  window: string;
}

const windowSize = () => `${window.innerWidth}x${window.innerHeight}`;

/** Column count and width for a tier's type in an area; the gap between columns is 1em. */
function columnsFor(area: Area, tierVh: number, columnEm: number, maxColumns: number) {
  const em = tierVh * wallUnitPx();
  const columns = columnsThatFit(area.width, columnEm * em, em, maxColumns);
  return { columns, width: Math.floor((area.width - em * (columns - 1)) / columns) };
}

/**
 * Lays blocks out on the wall so that all of them are read: the largest type (of `tiers`) at
 * which they fit in columns on one page; at the wall's minimum type, pages that turn (see
 * useWallPager) and say "2/3". Blocks are measured in a hidden copy at each type size first, so
 * nothing is ever cut or dropped.
 */
export function WallFlow({ blocks, tiers, columnEm, maxColumns, list, className, columnClass, testId }: WallFlowProps) {
  const { t } = useTranslation();
  const areaRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const [area, setArea] = useState<Area | null>(null);
  const [fit, setFit] = useState<Fit | null>(null);
  const sizes = tiers.map((tier) => Math.max(MIN_TEXT_VH, tier));
  const tiersKey = sizes.join(' ');

  useEffect(() => {
    const element = areaRef.current;
    if (!element) return;
    const update = () => {
      const next = { width: element.clientWidth, height: element.clientHeight, window: windowSize() };
      setArea((current) => (current && current.width === next.width && current.height === next.height && current.window === next.window ? current : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, []);

  useLayoutEffect(() => {
    const measure = measureRef.current;
    if (!area || !measure) return;
    const tried = [...measure.children].map((column) => {
      const gap = parseFloat(getComputedStyle(column).rowGap) || 0;
      // Margins take room in a column too (a table's heading keeps some space above it).
      const heights = [...column.children].map((block) => {
        const style = getComputedStyle(block);
        return block.getBoundingClientRect().height + (parseFloat(style.marginTop) || 0) + (parseFloat(style.marginBottom) || 0);
      });
      const columns = Number((column as HTMLElement).dataset.columns ?? '1');
      return flowIntoPages(
        heights.map((height, index) => ({ height, keepWithNext: blocks[index]?.heading === true })),
        area.height,
        columns,
        gap,
      );
    });
    const chosen = chooseTier(tried);
    const next: Fit = { tier: chosen.tier, columns: columnsFor(area, sizes[chosen.tier] ?? MIN_TEXT_VH, columnEm, maxColumns).columns, pages: chosen.pages, window: area.window };
    setFit((current) => (current && JSON.stringify(current) === JSON.stringify(next) ? current : next));
    // Measured again when the room, the blocks or the sizes change; not when a page turns.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [area, blocks, tiersKey, columnEm, maxColumns]);

  const pageCount = fit?.pages.length ?? 1;
  const page = useWallPager(pageCount);
  const tierVh = sizes[fit?.tier ?? 0] ?? MIN_TEXT_VH;
  const shown = area && fit ? columnsFor(area, tierVh, columnEm, maxColumns) : null;
  const Column = list;
  const Block = list === 'div' ? 'div' : 'li';
  const renderBlock = (block: WallBlock, shownCopy: boolean) => (
    <Block
      key={block.key}
      className={shownCopy && block.className ? block.className : undefined}
      data-look={block.look}
      aria-current={shownCopy && block.current ? 'step' : undefined}
    >
      {block.node}
    </Block>
  );

  return (
    <div className={`wall-flow${className ? ` ${className}` : ''}`} data-fitted={fit && fit.window === area?.window ? fit.window : undefined}>
      <div className="wall-flow-page" ref={areaRef} style={{ '--wall-type': `calc(${tierVh} * var(--wall-u))` } as CSSProperties} data-testid={testId}>
        {fit &&
          shown &&
          (fit.pages[page] ?? []).map((indices, index) => (
            <Column key={index} className={`wall-flow-column${columnClass ? ` ${columnClass}` : ''}`} style={{ width: shown.width }}>
              {indices.map((blockIndex) => {
                const block = blocks[blockIndex];
                return block ? renderBlock(block, true) : null;
              })}
            </Column>
          ))}
      </div>
      {pageCount > 1 && (
        <p className="wall-pages" data-testid="projector-pages" data-page={page + 1} data-pages={pageCount} aria-label={t('projector.pageOf', { page: page + 1, pages: pageCount })}>
          {page + 1}/{pageCount}
        </p>
      )}
      {area && (
        <div className="wall-flow-measure" ref={measureRef} aria-hidden="true">
          {sizes.map((tier, index) => {
            const { columns, width } = columnsFor(area, tier, columnEm, maxColumns);
            return (
              <Column key={index} className="wall-flow-column" data-columns={columns} style={{ width, '--wall-type': `calc(${tier} * var(--wall-u))` } as CSSProperties}>
                {blocks.map((block) => renderBlock(block, false))}
              </Column>
            );
          })}
        </div>
      )}
    </div>
  );
}
