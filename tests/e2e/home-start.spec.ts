import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/*
 * The cold start of the home screen (docs/performance.md, cold-start): the list is read while the
 * language's texts load, so React's first render shows it, and its rows share one date formatter.
 */

const WORKSHOPS = 6;

/** Index rows as the store keeps them, written straight into the app's database: the home list reads nothing else. */
async function storeIndexRows(page: Page, count: number): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('workshop-search')).toBeVisible();
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const opening = indexedDB.open('plenum');
        opening.onerror = () => reject(opening.error ?? new Error('open failed'));
        opening.onsuccess = () => {
          const transaction = opening.result.transaction('workshops', 'readwrite');
          for (const row of rows) transaction.objectStore('workshops').put(row);
          transaction.oncomplete = () => resolve();
          transaction.onerror = () => reject(transaction.error ?? new Error('write failed'));
        };
      }),
    Array.from({ length: count }, (_, index) => ({
      id: `start-${index}`,
      title: `Start ${index + 1}`,
      date: '2026-12-06',
      venue: '',
      room: '',
      createdAt: 1_796_000_000_000 + index,
      updatedAt: 1_796_000_000_000 + index,
      deletedAt: null,
    })),
  );
}

test("the home screen's first render shows the stored workshops, without a 'Loading…' before them", async ({ page }) => {
  await storeIndexRows(page, WORKSHOPS);
  // Watches the workshops' panel from the page's first moment: what it showed before the list.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as Window & { homeListSeen?: string[] }).homeListSeen = seen;
    new MutationObserver(() => {
      const panel = document.querySelector('[aria-labelledby="workshops-heading"]');
      if (!panel) return;
      const state = panel.querySelector('[data-testid="workshop-list"]') ? 'list' : 'no list';
      if (seen.at(-1) !== state) seen.push(state);
    }).observe(document, { childList: true, subtree: true });
  });
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(WORKSHOPS);
  await expect(page.getByTestId('workshop-title').first()).toHaveText(`Start ${WORKSHOPS}`);
  expect(await page.evaluate(() => (window as Window & { homeListSeen?: string[] }).homeListSeen)).toEqual(['list']);
});

test("the home list's rows share one formatter for their last change instead of building one each", async ({ page }) => {
  await storeIndexRows(page, WORKSHOPS);
  // Counts the formatters of the rows' style ("6 Dec 2026, 12:30") built in the page.
  await page.addInitScript(() => {
    const counted = window as Window & { rowFormatters?: number };
    counted.rowFormatters = 0;
    Intl.DateTimeFormat = new Proxy(Intl.DateTimeFormat, {
      construct(target, args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        const [, options] = args;
        if (options?.dateStyle === 'medium' && options.timeStyle === 'short') counted.rowFormatters = (counted.rowFormatters ?? 0) + 1;
        return new target(...args);
      },
    });
  });
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(WORKSHOPS);
  await expect(page.getByTestId('workshop-row').first()).toContainText('2026');
  await page.getByTestId('workshop-search').fill('Start 2');
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
  // One warms ICU's date data at the start, one is the list's; before, one per row and render.
  expect(await page.evaluate(() => (window as Window & { rowFormatters?: number }).rowFormatters)).toBeLessThanOrEqual(2);
});

test("the language's texts are asked for before React's renderer has run, not after all of the app's code", async ({ page }) => {
  await storeIndexRows(page, WORKSHOPS);
  // Records, in the page's clock, when react-dom's module ran (it hands itself to the developer
  // tools' hook as it is evaluated) and when the language's chunk was requested.
  await page.addInitScript(() => {
    const seen = window as Window & { rendererAt?: number; textsAskedAt?: number };
    Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
      value: {
        supportsFiber: true,
        renderers: new Map(),
        inject: () => {
          seen.rendererAt ??= performance.now();
          return 1;
        },
        checkDCE: () => undefined,
        onCommitFiberRoot: () => undefined,
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
      },
    });
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) if (/\/(de|en|uk)-[\w-]+\.js$/.test(entry.name)) seen.textsAskedAt ??= entry.startTime;
    }).observe({ type: 'resource', buffered: true });
  });
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(WORKSHOPS);
  const seen = await page.evaluate(() => {
    const { rendererAt, textsAskedAt } = window as Window & { rendererAt?: number; textsAskedAt?: number };
    return { rendererAt, textsAskedAt };
  });
  expect(seen.rendererAt).toBeDefined();
  expect(seen.textsAskedAt).toBeLessThan(seen.rendererAt ?? -Infinity);
});

test("the date field's code (react-aria) is fetched after the home list has shown, not during the start", async ({ page }) => {
  await storeIndexRows(page, WORKSHOPS);
  // Records, in the page's clock, when the list first showed and when the date field's chunk was requested.
  await page.addInitScript(() => {
    const seen = window as Window & { listShownAt?: number; dateFieldAskedAt?: number };
    new MutationObserver((_, observer) => {
      if (!document.querySelector('[data-testid="workshop-list"]')) return;
      seen.listShownAt = performance.now();
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((entries) => {
      for (const entry of entries.getEntries()) if (/\/DateField-[^/]*\.js$/.test(entry.name)) seen.dateFieldAskedAt ??= entry.startTime;
    }).observe({ type: 'resource', buffered: true });
  });
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(WORKSHOPS);
  // It still comes, a moment later, in place of its placeholder.
  await expect(page.getByTestId('new-workshop-date')).toBeVisible();
  const { listShownAt, dateFieldAskedAt } = await page.evaluate(() => {
    const seen = window as Window & { listShownAt?: number; dateFieldAskedAt?: number };
    return { listShownAt: seen.listShownAt, dateFieldAskedAt: seen.dateFieldAskedAt };
  });
  expect(listShownAt).toBeDefined();
  expect(dateFieldAskedAt).toBeDefined();
  expect(dateFieldAskedAt).toBeGreaterThan(listShownAt ?? Infinity);
});

test('a search renders the list alone: the forms beside it are not rendered again', async ({ page }) => {
  await storeIndexRows(page, WORKSHOPS);
  // React reports each commit to the developer tools' hook, the production build too. An element
  // whose props object differs from the one of the commit before was rendered again by its component.
  await page.addInitScript(() => {
    interface Fiber {
      child: Fiber | null;
      sibling: Fiber | null;
      memoizedProps: unknown;
      stateNode: unknown;
      type: unknown;
    }
    const counted = window as Window & { renderedAgain?: string[]; countRenders?: boolean };
    counted.renderedAgain = [];
    const lastProps = new WeakMap<object, unknown>();
    const walk = (fiber: Fiber | null) => {
      for (let node = fiber; node; node = node.sibling) {
        const props = node.memoizedProps as Record<string, unknown> | null;
        const testId = typeof node.type === 'string' ? props?.['data-testid'] : undefined;
        if (typeof testId === 'string' && node.stateNode instanceof Element) {
          const before = lastProps.get(node.stateNode);
          if (counted.countRenders && before !== undefined && before !== props) counted.renderedAgain?.push(testId);
          lastProps.set(node.stateNode, props);
        }
        walk(node.child);
      }
    };
    Object.defineProperty(window, '__REACT_DEVTOOLS_GLOBAL_HOOK__', {
      value: {
        supportsFiber: true,
        isDisabled: false,
        renderers: new Map(),
        inject: () => 1,
        checkDCE: () => undefined,
        onScheduleFiberRoot: () => undefined,
        onCommitFiberUnmount: () => undefined,
        onPostCommitFiberRoot: () => undefined,
        onCommitFiberRoot: (_id: number, root: { current: Fiber }) => walk(root.current),
      },
    });
  });
  await page.reload();
  await expect(page.getByTestId('workshop-row')).toHaveCount(WORKSHOPS);
  await expect(page.getByTestId('new-workshop-date')).toBeVisible();
  await page.evaluate(() => void ((window as Window & { countRenders?: boolean }).countRenders = true));
  await page.getByTestId('workshop-search').fill('Start 2');
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
  const rendered: string[] = await page.evaluate(() => (window as Window & { renderedAgain?: string[] }).renderedAgain ?? []);
  // The search field and the list are rendered again; the check itself can see a render.
  expect(rendered).toContain('workshop-search');
  expect(rendered.filter((testId) => testId.startsWith('new-workshop') || testId.startsWith('join') || testId === 'language-switcher' || testId === 'create-workshop')).toEqual([]);
});

test("index.html preloads the UI font's Latin and Cyrillic parts, and the home screen in German uses both", async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  const preloaded = [...html.matchAll(/<link rel="preload" as="font"[^>]*href="\.\/assets\/([\w-]+?)-[\w]+\.woff2"/g)].map((match) => match[1]);
  expect(preloaded.sort()).toEqual(['inter-cyrillic-wght-normal', 'inter-latin-wght-normal']);
  // The language switcher is as wide as its widest choice: "Українська" is laid out in every language, so the Cyrillic part is not a wasted fetch.
  await page.goto('/');
  await expect(page.getByTestId('workshop-search')).toBeVisible();
  // Asked until the layout settles: a stylesheet that arrives later (the date field's, at the first
  // idle moment) makes Chromium list fresh faces, 'unloaded' until the next layout uses them (CI
  // s22b read none loaded once, with both font files fetched 55 ms after the page).
  const loaded = () => page.evaluate(() => document.fonts.ready.then(() => [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.unicodeRange)));
  await expect.poll(loaded, { message: "the loaded faces' ranges" }).toContainEqual(expect.stringMatching(/U\+0?400-0?45F/i));
});
