import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { minutesFileName } from '../../shared/minutes/exports';
import type { Minutes } from '../../shared/minutes/model';
import { rosterFile } from '../../renderer/features/participants/roster-export';
import { uiTexts } from '../../renderer/i18n/resources';

async function german(): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { de: { translation: uiTexts.de } }, lng: 'de', fallbackLng: false, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('the file names of a workshop’s exports', () => {
  const workshop = { title: 'Wiederaufbau: Wirtschaft/Kommunen (Test) <b>?*', date: '2026-12-07' };

  it('name the roster as the minutes are named: kind, title as letters and dashes, date', async () => {
    const t = await german();
    const roster = rosterFile([], [], () => '', workshop, t, 'de').suggestedName;
    expect(roster).toBe('Teilnehmende-Wiederaufbau-Wirtschaft-Kommunen-Test-b-2026-12-07.csv');
    const minutes = { title: workshop.title, date: workshop.date, texts: { documentTitle: 'Protokoll', actions: 'Aufgaben' } } as unknown as Minutes;
    expect(minutesFileName(minutes, 'md')).toBe('Protokoll-Wiederaufbau-Wirtschaft-Kommunen-Test-b-2026-12-07.md');
  });

  it('leave out a date the workshop has none of', async () => {
    const t = await german();
    expect(rosterFile([], [], () => '', { title: 'Klausur', date: '' }, t, 'de').suggestedName).toBe('Teilnehmende-Klausur.csv');
  });
});
