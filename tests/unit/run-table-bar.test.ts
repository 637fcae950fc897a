import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { AgendaItem, RunClock } from '../../shared/model';
import { TableRunBar } from '../../renderer/features/run/RunBar';
import { uiTexts } from '../../renderer/i18n/resources';

async function english() {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en: { translation: uiTexts.en } }, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
  return instance;
}

const groupWork = { id: 'i1', title: 'Group work', kind: 'groupWork', task: '', durationMin: 30 } as unknown as AgendaItem;

function clock(status: RunClock['status'], extra: Partial<RunClock> = {}): RunClock {
  return { status, item: groupWork, index: 0, next: null, elapsedMs: 28 * 60_000, plannedMs: 30 * 60_000, remainingMs: 90_000, overrunMs: 0, phase: 'red', signalled: true, ...extra };
}

const kicker = (html: string) => /data-testid="run-kicker">([^<]*)</.exec(html)?.[1];

describe('a table laptop’s run bar in small-group work', () => {
  it('says in words that the day is paused, and hides the sent "two minutes left" while it is', async () => {
    const i18n = await english();
    const render = (value: RunClock) => renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(TableRunBar, { clock: value })));
    const paused = render(clock('paused'));
    expect(kicker(paused)).toBe('Small-group work · Paused');
    expect(paused).not.toContain('run-signal-banner');
    const running = render(clock('running'));
    expect(kicker(running)).toBe('Small-group work');
    expect(running).toContain('run-signal-banner');
  });
});
