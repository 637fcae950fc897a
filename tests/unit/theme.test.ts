import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, WINDOW_BACKGROUND } from '../../electron/security';
import { CARD_COLOURS } from '../../shared/model';

/*
 * The moderator's colour theme (renderer/styles.css) in light and dark: every colour token has a
 * dark value, text keeps 4.5:1 on the backgrounds it is drawn on, card colours stay apart, and
 * nothing between the system setting and the page forces light. axe (tests/e2e/a11y.spec.ts)
 * checks the rendered screens; this checks the pairs axe only meets in some states (the timer's
 * red phase, a pink card with a vote on it).
 */

const source = (relative: string) => readFileSync(fileURLToPath(new URL(`../../${relative}`, import.meta.url)), 'utf8');
const css = source('renderer/styles.css');

/** The custom properties with a hex value in a block of CSS. */
function tokens(block: string): Map<string, string> {
  return new Map([...block.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6})\b/gi)].map((match) => [match[1] ?? '', (match[2] ?? '').toLowerCase()]));
}

/** The first `{ … }` block after `start`, braces balanced. */
function blockAfter(text: string, start: string): string {
  const from = text.indexOf(start);
  if (from < 0) throw new Error(`${start} not found`);
  const open = text.indexOf('{', from);
  let depth = 0;
  for (let at = open; at < text.length; at += 1) {
    if (text[at] === '{') depth += 1;
    if (text[at] === '}' && --depth === 0) return text.slice(open + 1, at);
  }
  throw new Error(`${start}: unbalanced braces`);
}

const light = tokens(blockAfter(css, ':root'));
const dark = new Map([...light, ...tokens(blockAfter(css, '@media (prefers-color-scheme: dark)'))]);
const themes = { light, dark };

function channel(hex: string, at: number): number {
  const value = parseInt(hex.slice(at, at + 2), 16) / 255;
  return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance. */
function luminance(hex: string): number {
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}

/** CIE L*a*b* (D65), for the distance between two colours as the eye sees it (ΔE 1976). */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [channel(hex, 1), channel(hex, 3), channel(hex, 5)];
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

const distance = (a: string, b: string) => Math.hypot(...lab(a).map((value, index) => value - (lab(b)[index] ?? 0)));

const get = (theme: Map<string, string>, name: string) => {
  const value = theme.get(name);
  if (!value) throw new Error(`--${name} has no hex value`);
  return value;
};

const CARDS = ['card', ...CARD_COLOURS.map((colour) => `card-${colour}`)];

/** Text colour → the backgrounds it is drawn on somewhere in the moderator's screens. */
const TEXT_ON: Record<string, string[]> = {
  ink: ['bg', 'surface', 'surface-2', 'brand-soft', 'ok-soft', 'warn-soft', 'danger-soft', ...CARDS],
  'ink-muted': ['bg', 'surface', 'surface-2', 'brand-soft', 'neutral-soft', 'warn-soft', 'danger-soft', ...CARDS],
  brand: ['bg', 'surface', 'surface-2', 'brand-soft', ...CARDS],
  'brand-ink': ['brand', 'brand-hover'],
  danger: ['bg', 'surface', 'danger-soft', ...CARDS],
  'danger-ink': ['danger'],
  // The timer's colours: on the run bar (surface, or its amber/red tint) and on a table laptop.
  ok: ['bg', 'surface', 'ok-soft'],
  warn: ['bg', 'surface', 'warn-soft'],
  'toast-ink': ['toast-bg'],
};

describe('the colour theme', () => {
  it('has a dark value for every colour token', () => {
    const darkOwn = tokens(blockAfter(css, '@media (prefers-color-scheme: dark)'));
    const missing = [...light.keys()].filter((name) => !darkOwn.has(name));
    expect(missing).toEqual([]);
    expect(light.size).toBeGreaterThan(20);
  });

  for (const [name, theme] of Object.entries(themes)) {
    it(`keeps text at 4.5:1 or more in the ${name} theme`, () => {
      const low = Object.entries(TEXT_ON).flatMap(([text, backgrounds]) =>
        backgrounds
          .map((background) => ({ pair: `--${text} on --${background}`, ratio: contrast(get(theme, text), get(theme, background)) }))
          .filter(({ ratio }) => ratio < 4.5)
          .map(({ pair, ratio }) => `${pair}: ${ratio.toFixed(2)}:1`),
      );
      expect(low).toEqual([]);
    });

    it(`keeps the card colours apart in the ${name} theme`, () => {
      const close = CARD_COLOURS.flatMap((a, index) =>
        CARD_COLOURS.slice(index + 1)
          .filter((b) => distance(get(theme, `card-${a}`), get(theme, `card-${b}`)) < 9)
          .map((b) => `${a} and ${b}`),
      );
      expect(close).toEqual([]);
    });

    it(`keeps the timer's phases apart in the ${name} theme`, () => {
      const phases = ['ok', 'warn', 'danger'].map((token) => get(theme, token));
      for (const [index, a] of phases.entries()) for (const b of phases.slice(index + 1)) expect(distance(a, b)).toBeGreaterThan(30);
    });
  }

  it('pins the projector to its own dark theme whatever the system says', () => {
    expect(blockAfter(css, '\n.projector {')).toMatch(/color-scheme:\s*dark/);
    expect(css).not.toMatch(/prefers-color-scheme[^{]*\{[^}]*\.projector/);
  });
});

describe('nothing forces light', () => {
  it('the page declares both schemes from its first paint', () => {
    expect(source('renderer/index.html')).toMatch(/<meta name="color-scheme" content="light dark"/);
    expect(blockAfter(css, ':root')).toMatch(/color-scheme:\s*light dark/);
  });

  it('Electron leaves the theme to the system and opens the window on the theme’s background', () => {
    const main = source('electron/main.ts');
    expect(main).not.toMatch(/themeSource/);
    expect(main).toContain('nativeTheme.shouldUseDarkColors');
    const bounds = { x: 0, y: 0, width: 1200, height: 800 };
    expect(mainWindowOptions('/p.cjs', bounds, { dark: false }).backgroundColor).toBe(get(light, 'bg'));
    expect(mainWindowOptions('/p.cjs', bounds, { dark: true }).backgroundColor).toBe(get(dark, 'bg'));
    expect(WINDOW_BACKGROUND).toEqual({ light: get(light, 'bg'), dark: get(dark, 'bg') });
  });
});
