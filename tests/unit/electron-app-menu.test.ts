import { describe, expect, it } from 'vitest';
import { aboutTexts, buildMenuTemplate, menuLanguageOf, RECENT_MAX, type MenuEntry, type MenuOptions } from '../../electron/services/app-menu';
import { LANGUAGES } from '../../shared/model';

const PLATFORMS = ['darwin', 'win32', 'linux'] as const;

function menu(overrides: Partial<MenuOptions> = {}): MenuEntry[] {
  return buildMenuTemplate({ platform: 'linux', packaged: true, language: 'de', recent: [], ...overrides });
}

/** Every entry of the menu, submenus' included, depth first. */
function all(entries: readonly MenuEntry[]): MenuEntry[] {
  return entries.flatMap((entry) => [entry, ...(entry.kind === 'submenu' ? all(entry.items) : [])]);
}

const labels = (entries: readonly MenuEntry[]) => entries.map((entry) => (entry.kind === 'separator' ? '—' : entry.label));
const roles = (entries: readonly MenuEntry[]) => all(entries).flatMap((entry) => (entry.kind === 'role' ? [entry.role] : []));
const submenu = (entries: readonly MenuEntry[], label: string): MenuEntry[] => {
  const found = entries.find((entry) => entry.kind === 'submenu' && entry.label === label);
  if (!found || found.kind !== 'submenu') throw new Error(`no submenu ${label} in ${labels(entries).join(', ')}`);
  return found.items;
};

describe('the application menu', () => {
  it.each([
    ['darwin', 'de', ['Plenum', 'Ablage', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']],
    ['win32', 'de', ['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']],
    ['linux', 'de', ['Datei', 'Bearbeiten', 'Ansicht', 'Fenster', 'Hilfe']],
    ['darwin', 'en', ['Plenum', 'File', 'Edit', 'View', 'Window', 'Help']],
    ['win32', 'en', ['File', 'Edit', 'View', 'Window', 'Help']],
    ['darwin', 'uk', ['Plenum', 'Файл', 'Редагування', 'Вигляд', 'Вікно', 'Довідка']],
    ['linux', 'uk', ['Файл', 'Редагування', 'Вигляд', 'Вікно', 'Довідка']],
  ] as const)('on %s in %s has the menus %j', (platform, language, expected) => {
    expect(labels(menu({ platform, language }))).toEqual(expected);
  });

  it('puts About, Hide and Quit in the app menu on macOS, Quit under File and About under Help elsewhere', () => {
    const mac = menu({ platform: 'darwin' });
    expect(labels(submenu(mac, 'Plenum'))).toEqual(['Über Plenum', '—', 'Dienste', '—', 'Plenum ausblenden', 'Andere ausblenden', 'Alle einblenden', '—', 'Plenum beenden']);
    expect(roles(submenu(mac, 'Ablage'))).toEqual(['close']);
    expect(roles(submenu(mac, 'Bearbeiten'))).toContain('pasteAndMatchStyle');
    expect(roles(submenu(mac, 'Fenster'))).toEqual(['minimize', 'zoom', 'front']);
    expect(submenu(mac, 'Hilfe')).toEqual([]);

    for (const platform of ['win32', 'linux']) {
      const other = menu({ platform });
      expect(roles(submenu(other, 'Datei'))).toEqual(['quit']);
      expect(submenu(other, 'Hilfe')).toEqual([{ kind: 'command', label: 'Über Plenum', command: { kind: 'about' } }]);
      expect(roles(other)).not.toContain('pasteAndMatchStyle');
      expect(roles(submenu(other, 'Fenster'))).toEqual(['minimize', 'close']);
    }
  });

  it.each(PLATFORMS)('on %s has no Reload and no Developer Tools when packaged, and both while developing', (platform) => {
    const dev = ['reload', 'forceReload', 'toggleDevTools'];
    for (const role of dev) expect(roles(menu({ platform, packaged: true }))).not.toContain(role);
    for (const role of dev) expect(roles(menu({ platform, packaged: false }))).toContain(role);
    // The same in every language: nothing else differs.
    for (const language of LANGUAGES) expect(roles(menu({ platform, language, packaged: true }))).toEqual(roles(menu({ platform, packaged: true })));
  });

  it.each(LANGUAGES)('speaks %s in every label, none left empty or in another language', (language) => {
    for (const platform of PLATFORMS) {
      for (const packaged of [true, false]) {
        const entries = all(menu({ platform, packaged, language }));
        for (const entry of entries) if (entry.kind !== 'separator') expect(entry.label.trim(), JSON.stringify(entry)).not.toBe('');
        if (language === 'en') continue;
        const english = all(menu({ platform, packaged, language: 'en' }));
        const same = entries.filter((entry, index) => {
          const other = english[index];
          return entry.kind !== 'separator' && other?.kind !== 'separator' && entry.label === other?.label && entry.label !== 'Plenum';
        });
        // German and Ukrainian File on macOS aside ("Ablage" is German, "Файл" Ukrainian): nothing reads as English.
        expect(same.map((entry) => (entry.kind === 'separator' ? '' : entry.label))).toEqual([]);
      }
    }
  });

  it('offers the recent workshops under File, newest first, at most RECENT_MAX, each opening its workshop', () => {
    const recent = Array.from({ length: 12 }, (_, n) => ({ id: `w${n}`, title: `Workshop ${n}` }));
    const items = submenu(submenu(menu({ recent }), 'Datei'), 'Zuletzt geöffnet');
    expect(items).toHaveLength(RECENT_MAX);
    expect(items[0]).toEqual({ kind: 'command', label: 'Workshop 0', command: { kind: 'openWorkshop', id: 'w0' } });
    expect(items.map((item) => (item.kind === 'command' ? item.command : null))).toEqual(recent.slice(0, RECENT_MAX).map(({ id }) => ({ kind: 'openWorkshop', id })));
  });

  it('shows a title as typed in one line: "&" stays a character, a long title is shortened, an empty one is named', () => {
    const recent = [
      { id: 'a', title: 'Wirtschaft & Kommune' },
      { id: 'b', title: `Themenkreis\nNachhaltiger Wiederaufbau der Wirtschaft und der kommunalen Daseinsvorsorge in der Ukraine` },
      { id: 'c', title: '   ' },
    ];
    const [amp, long, empty] = submenu(submenu(menu({ recent }), 'Datei'), 'Zuletzt geöffnet');
    expect(amp).toMatchObject({ label: 'Wirtschaft && Kommune' });
    expect(long?.kind === 'command' && long.label.length).toBe(60);
    expect(long).toMatchObject({ label: expect.stringMatching(/^Themenkreis Nachhaltiger .*…$/) });
    expect(empty).toMatchObject({ label: 'Alle Workshops', command: { kind: 'openWorkshop', id: 'c' } });
  });

  it('says so when there is no workshop yet, with an entry that cannot be clicked', () => {
    expect(submenu(submenu(menu({ language: 'uk' }), 'Файл'), 'Нещодавні воркшопи')).toEqual([{ kind: 'command', label: 'Ще немає воркшопів', command: { kind: 'home' }, enabled: false }]);
  });

  it('has New Workshop and All Workshops under File with their shortcuts', () => {
    const file = submenu(menu({ language: 'en' }), 'File');
    expect(file).toContainEqual({ kind: 'command', label: 'New Workshop', command: { kind: 'newWorkshop' }, accelerator: 'CmdOrCtrl+N' });
    expect(file).toContainEqual({ kind: 'command', label: 'All Workshops', command: { kind: 'home' }, accelerator: 'CmdOrCtrl+Shift+H' });
  });
});

describe('the About box and the first language', () => {
  it('names the version in the UI language', () => {
    expect(aboutTexts('uk', '1.2.3')).toMatchObject({ title: 'Про Plenum', message: 'Plenum', detail: expect.stringMatching(/^Версія 1\.2\.3\n/) });
    expect(aboutTexts('de', '1.2.3').detail).toMatch(/^Version 1\.2\.3\n\n.*Pinnwände/);
  });

  it.each([
    [['uk-UA', 'en-US'], 'uk'],
    [['fr-FR', 'en-GB'], 'en'],
    [['de_AT'], 'de'],
    [['fr-FR'], 'de'],
    [[], 'de'],
  ] as const)('takes the first system language Plenum speaks from %j', (system, expected) => {
    expect(menuLanguageOf(system)).toBe(expected);
  });
});
