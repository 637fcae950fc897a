import axeCore from 'axe-core';
import type { Page } from '@playwright/test';
import { startSignalingServer, type SignalingServer } from '../../electron/services/signaling-server';
import { createWorkshop, expect, test } from './fixtures';
import { launchLaptop } from './laptops';
import { tourEveryScreen } from './screen-tour';

/*
 * Accessibility of the main screens, filled with real content: axe-core's WCAG 2.1 A and AA rules
 * on each screen, in German (the longest texts) and Ukrainian (Cyrillic); and the keyboard: every
 * control a mouse user sees is reached with Tab, shows where the focus is, and no positive
 * tabindex reorders the page. Best-practice findings (landmarks and the like) are printed, not
 * failed on.
 */

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Problems in screens this spec's author does not own, reported to their owners (issue 7
 * report): `screen: check: element`. A problem not listed here fails; a listed one that is gone
 * should be deleted from the list.
 */
const KNOWN: readonly string[] = [
  // The minutes preview (an iframe) takes the focus without showing it.
  'minutes: focus not visible: iframe minutes-preview',
];

let server: SignalingServer;

test.beforeAll(async () => {
  server = await startSignalingServer({ host: '127.0.0.1', port: 0 });
});

test.afterAll(async () => {
  await server.close();
});

type RunOnly = { type: 'tag' | 'rule'; values: string[] };

/**
 * axe's findings as readable lines: rule, impact, element, what is wrong. The minutes preview is
 * a sandboxed iframe axe cannot enter; its document is checked on its own (see below). axe-core
 * is put into a page once and run there directly: AxeBuilder injects it anew on every run, which
 * costs seconds per screen on a loaded machine.
 */
async function axe(page: Page, tags: readonly string[] | null, rules?: readonly string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeCore.source);
  const runOnly: RunOnly | null = rules ? { type: 'rule', values: [...rules] } : tags ? { type: 'tag', values: [...tags] } : null;
  const violations = await page.evaluate(async (runOnly) => {
    const { axe: engine } = window as unknown as { axe: typeof axeCore };
    const results = await engine.run({ exclude: [['iframe[sandbox]']] }, { iframes: false, resultTypes: ['violations'], ...(runOnly ? { runOnly } : {}) });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? '?',
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target.map(String), summary: node.failureSummary })),
    }));
  }, runOnly);
  return violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${node.summary?.replace(/\s+/g, ' ') ?? violation.help}`),
  );
}

interface Control {
  key: string;
  tag: string;
  name: string;
}

/** A stable key and a readable name for the focused element or for every visible control. */
const describeControls = (page: Page, which: 'focused' | 'visible') =>
  page.evaluate((which) => {
    const keyOf = (element: Element) => {
      const path: string[] = [];
      for (let node: Element | null = element; node && node !== document.body; node = node.parentElement) {
        path.unshift(`${node.tagName}:${[...(node.parentElement?.children ?? [])].indexOf(node)}`);
      }
      return path.join('/');
    };
    const describe = (element: HTMLElement) => ({
      key: keyOf(element),
      tag: element.tagName.toLowerCase(),
      name: (element.getAttribute('data-testid') ?? element.getAttribute('aria-label') ?? element.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40),
      focusVisible: (() => {
        const style = getComputedStyle(element);
        return (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      })(),
    });
    if (which === 'focused') {
      const element = document.activeElement as HTMLElement | null;
      return element && element !== document.body ? [describe(element)] : [];
    }
    return [...document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary, iframe, [tabindex]')]
      .filter((element) => {
        const rect = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        // Taken out of the tab order on purpose: a file input behind its button, or an item of a
        // group the arrow keys move through (one tab stop for the group).
        const replaced = element.getAttribute('tabindex') === '-1';
        return rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && !(element as HTMLButtonElement).disabled && element.getAttribute('type') !== 'hidden' && !replaced;
      })
      .map(describe);
  }, which);

/**
 * Tabs through the screen from the top until the focus comes back to where it started, and
 * returns the problems: controls Tab never reaches, stops without a visible focus, positive tabindex.
 */
async function keyboardProblems(page: Page): Promise<string[]> {
  const controls = await describeControls(page, 'visible');
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.scrollTo(0, 0);
  });
  const stops: Array<Control & { focusVisible: boolean }> = [];
  let previous = '';
  for (let press = 0; press < controls.length * 4 + 10; press += 1) {
    await page.keyboard.press('Tab');
    const [focused] = await describeControls(page, 'focused');
    // A date input keeps the focus for its day, month and year parts.
    if (!focused || focused.key === previous) continue;
    if (stops.some((stop) => stop.key === focused.key)) break;
    previous = focused.key;
    stops.push(focused);
  }
  const reached = new Set(stops.map((stop) => stop.key));
  const positive = await page.evaluate(() => [...document.querySelectorAll('[tabindex]')].filter((element) => Number(element.getAttribute('tabindex')) > 0).map((element) => element.outerHTML.slice(0, 80)));
  return [
    ...controls.filter((control) => !reached.has(control.key)).map((control) => `not reached by Tab: ${control.tag} ${control.name}`),
    ...stops.filter((stop) => !stop.focusVisible).map((stop) => `focus not visible: ${stop.tag} ${stop.name}`),
    ...positive.map((html) => `positive tabindex: ${html}`),
  ];
}

/**
 * Runs every check on the screen as it is; fails on WCAG violations, axe's best-practice findings
 * (landmarks, headings, regions) and keyboard problems not in KNOWN.
 */
async function checkScreen(page: Page, screen: string): Promise<void> {
  const violations = (await axe(page, WCAG)).map((line) => `${screen}: axe: ${line}`);
  const keyboard = (await keyboardProblems(page)).map((line) => `${screen}: ${line}`);
  const advice = await axe(page, null);
  const found = [...violations, ...keyboard, ...advice.map((line) => `${screen}: axe best practice: ${line}`)];
  for (const known of found.filter((line) => KNOWN.includes(line))) test.info().annotations.push({ type: 'known a11y problem', description: known });
  expect(found.filter((line) => !KNOWN.includes(line)), `accessibility problems on ${screen}`).toEqual([]);
}

/** A workshop with agenda items, cards, a table and a participant's worth of content. */
async function fillWorkshop(page: Page, texts: { title: string; agenda: string[]; cards: string[]; table: string; topic: string }): Promise<string> {
  await createWorkshop(page, texts.title);
  for (const title of texts.agenda) {
    await page.getByTestId('agenda-title').fill(title);
    await page.getByTestId('agenda-duration').fill('30');
    await page.getByTestId('agenda-add').click();
  }
  for (const text of texts.cards) {
    await page.getByTestId('card-entry').fill(text);
    await page.getByTestId('card-entry').press('Enter');
  }
  await page.getByTestId('tab-tables').click();
  await page.getByTestId('table-name').fill(texts.table);
  await page.getByTestId('table-topic').fill(texts.topic);
  await page.getByTestId('table-add').click();
  await page.getByTestId('tab-plenary').click();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

async function startHosting(page: Page): Promise<void> {
  await page.getByTestId('tab-connection').click();
  await page.getByTestId('host-start').click();
  // In a browser Plenum cannot listen on a port: it asks for a signaling server.
  await page.getByTestId('host-server').fill(`ws://127.0.0.1:${server.port}`);
  await page.getByTestId('host-start').click();
  await expect(page.getByTestId('join-code')).toBeVisible();
}

const GERMAN = {
  title: 'Plattform für nachhaltigen Wiederaufbau der Wirtschaft',
  agenda: ['Begrüßung und Vorstellungsrunde', 'Arbeit an den Thementischen'],
  cards: ['Versicherung gegen Kriegsrisiken für Unternehmen', 'Webinar-Serie zu Energieeffizienz in Kommunen'],
  table: 'Tisch Energieberatung',
  topic: 'Energieberatung für kleine und mittlere Unternehmen',
};

/**
 * The home screen once its date field's code is in: it loads when the browser is first idle, and
 * the field it replaces has other controls. Checked before, a loaded machine swapped them during
 * the Tab walk ("not reached by Tab"; CI, s17d).
 */
async function homeSettled(page: Page): Promise<void> {
  await expect(page.getByTestId('new-workshop-date')).toBeVisible({ timeout: 20_000 });
}

test('home screen: no WCAG violations, every control reachable by keyboard with a visible focus', async ({ page, shot }) => {
  await page.goto('/');
  await homeSettled(page);
  await checkScreen(page, 'home (empty)');
  await createWorkshop(page, GERMAN.title);
  await page.goto('/#/');
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
  await checkScreen(page, 'home (with a workshop)');
  await shot('home');
});

test('a workshop can be created and opened with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('new-workshop-title').focus();
  await page.keyboard.type('Nur mit der Tastatur');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workshop-heading')).toHaveText('Nur mit der Tastatur');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Zurück zu allen Workshops' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workshop-row')).toHaveCount(1);
  // From the top of the home screen, Tab reaches the workshop and Enter opens it.
  for (let press = 0; press < 40 && !(await page.getByTestId('workshop-title').evaluate((element) => element.closest('button') === document.activeElement)); press += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('workshop-heading')).toHaveText('Nur mit der Tastatur');
});

test('workshop screens (plenary, tables, participants, action items, minutes, connection while hosting): no WCAG violations, keyboard complete', async ({ page, shot }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await fillWorkshop(page, GERMAN);
  await checkScreen(page, 'plenary');
  await shot('plenary');
  for (const tab of ['tables', 'participants', 'actions', 'minutes']) {
    await page.getByTestId(`tab-${tab}`).click();
    await checkScreen(page, tab);
    await shot(tab);
  }
  await startHosting(page);
  await checkScreen(page, 'connection (hosting)');
  await shot('connection');
});

test('the minutes document itself (the preview, as exported to HTML) has no WCAG violations', async ({ page, context }) => {
  await page.goto('/');
  await fillWorkshop(page, GERMAN);
  await page.getByTestId('tab-minutes').click();
  const html = await page.getByTestId('minutes-preview').getAttribute('srcdoc');
  expect(html).toContain(GERMAN.cards[0]);
  const document = await context.newPage();
  await document.setContent(html ?? '');
  const violations = await axe(document, WCAG);
  expect(violations, 'the minutes HTML').toEqual([]);
});

test('projector: no WCAG violations, nor best-practice findings', async ({ page, shot }) => {
  await page.goto('/');
  const id = await fillWorkshop(page, GERMAN);
  await page.goto(`/#/projector/${encodeURIComponent(id)}`);
  await expect(page.getByTestId('projector')).toBeVisible();
  await checkScreen(page, 'projector');
  await shot('projector');
});

const SCHEMES = ['light', 'dark'] as const;

/** The axe rules whose outcome depends on the colours (and so on the colour scheme). */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

test('every screen with the seed day, light and dark (moderator, projector, a table laptop): no axe findings', async ({ page, context, baseURL }) => {
  test.setTimeout(240_000);
  const projector = await context.newPage();
  const laptop = await launchLaptop(baseURL ?? '');
  const findings: string[] = [];
  const wall: Record<string, string> = {};
  try {
    await tourEveryScreen({ moderator: page, projector, table: laptop.page, signalingUrl: `ws://127.0.0.1:${server.port}` }, async (screen) => {
      for (const colorScheme of SCHEMES) {
        await screen.page.emulateMedia({ colorScheme });
        // In light all of axe's rules at once: WCAG A/AA and best practice (landmarks, headings,
        // regions). Only the colours change with the scheme: in dark, the rules about colour.
        const lines = await axe(screen.page, null, colorScheme === 'dark' ? COLOUR_RULES : undefined);
        findings.push(...lines.map((line) => `${screen.name} (${colorScheme}): ${line}`));
        if (screen.role === 'projector') {
          const colours = await screen.page.getByTestId('projector').evaluate((element) => `${getComputedStyle(element).backgroundColor} ${getComputedStyle(element).color}`);
          wall[`${screen.name} ${colorScheme}`] = colours;
        }
      }
      await screen.page.emulateMedia({ colorScheme: null });
    });
  } finally {
    await laptop.browser.close();
  }
  expect(findings, 'axe findings').toEqual([]);
  // The wall keeps its own theme whatever the system is set to.
  for (const [key, colours] of Object.entries(wall).filter(([key]) => key.endsWith(' dark'))) expect(colours, key).toBe(wall[key.replace(/ dark$/, ' light')]);
  expect(Object.keys(wall).length).toBeGreaterThanOrEqual(12);
});

test.describe('in Ukrainian', () => {
  test.use({ language: 'uk' });

  test('home, plenary and connection: no WCAG violations, the page says it is Ukrainian', async ({ page, shot }) => {
    await page.goto('/');
    await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
    await homeSettled(page);
    await checkScreen(page, 'home (uk)');
    await fillWorkshop(page, {
      title: 'Платформа для сталого відновлення економіки',
      agenda: ['Вітання та знайомство', 'Робота за тематичними столами'],
      cards: ['Страхування воєнних ризиків для підприємств', 'Серія вебінарів з енергоефективності'],
      table: 'Стіл енергоконсультацій',
      topic: 'Енергоконсультації для малого та середнього бізнесу',
    });
    await checkScreen(page, 'plenary (uk)');
    await shot('plenary-uk');
    await startHosting(page);
    await checkScreen(page, 'connection (uk)');
    await shot('connection-uk');
  });
});
