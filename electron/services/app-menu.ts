import de from '../../shared/i18n/locales/de/menu.json';
import en from '../../shared/i18n/locales/en/menu.json';
import uk from '../../shared/i18n/locales/uk/menu.json';
import type { MenuCommand, MenuLanguage, RecentWorkshop } from '../../shared/host-api';

// The application menu as plain data, so its every variant (platform, packaged or not, language)
// is tested without Electron; electron/app-menu.ts only turns it into a Menu and wires the clicks.
// Its words are the UI's own (shared/i18n/locales/*/menu.json), so the menu speaks the UI's language.

type MenuTexts = typeof de.menu;
const TEXTS: Record<MenuLanguage, MenuTexts> = { de: de.menu, en: en.menu, uk: uk.menu };

/** The roles Electron implements natively (undo in a text field, zoom, full screen…); a subset of Electron's own. */
export type MenuRole =
  | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll'
  | 'reload' | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen'
  | 'minimize' | 'zoom' | 'close' | 'front' | 'quit' | 'services' | 'hide' | 'hideOthers' | 'unhide';

export type MenuEntry =
  | { kind: 'separator' }
  | { kind: 'role'; role: MenuRole; label: string }
  | { kind: 'command'; label: string; command: MenuCommand; accelerator?: string; enabled?: boolean }
  /** `special`: macOS treats the Window and Help menus apart (window list, help search). */
  | { kind: 'submenu'; label: string; items: MenuEntry[]; special?: 'window' | 'help' };

export interface MenuOptions {
  /** process.platform */
  platform: string;
  /** app.isPackaged: a packaged app has no Reload or Developer Tools, a stray Ctrl+R must not reset the day. */
  packaged: boolean;
  language: MenuLanguage;
  /** Most recently changed first; the menu shows the first RECENT_MAX. */
  recent: readonly RecentWorkshop[];
}

export const RECENT_MAX = 8;
/** A menu item is one line: a long workshop title is shortened with "…". */
export const RECENT_LABEL_MAX = 60;

const separator: MenuEntry = { kind: 'separator' };
const role = (name: MenuRole, label: string): MenuEntry => ({ kind: 'role', role: name, label });

function shorten(title: string): string {
  const flat = title.replace(/\s+/g, ' ').trim();
  return flat.length > RECENT_LABEL_MAX ? `${flat.slice(0, RECENT_LABEL_MAX - 1).trimEnd()}…` : flat;
}

/**
 * A menu label shows "&" as an access key marker on Windows and Linux: a title's "&" is doubled so
 * "Wirtschaft & Kommune" reads as typed.
 */
function literal(text: string): string {
  return text.replace(/&/g, '&&');
}

function recentItems(options: MenuOptions, texts: MenuTexts, untitled: string): MenuEntry[] {
  if (options.recent.length === 0) return [{ kind: 'command', label: texts.noRecent, command: { kind: 'home' }, enabled: false }];
  return options.recent.slice(0, RECENT_MAX).map((workshop) => ({
    kind: 'command',
    label: literal(shorten(workshop.title) || untitled),
    command: { kind: 'openWorkshop', id: workshop.id },
  }));
}

/** The application menu of one platform in one language: File, Edit, View, Window, Help (and the app menu on macOS). */
export function buildMenuTemplate(options: MenuOptions): MenuEntry[] {
  const texts = TEXTS[options.language];
  const mac = options.platform === 'darwin';
  const about: MenuEntry = { kind: 'command', label: texts.about, command: { kind: 'about' } };

  const appMenu: MenuEntry = {
    kind: 'submenu',
    label: 'Plenum',
    items: [about, separator, role('services', texts.services), separator, role('hide', texts.hide), role('hideOthers', texts.hideOthers), role('unhide', texts.unhide), separator, role('quit', texts.quitMac)],
  };

  const file: MenuEntry = {
    kind: 'submenu',
    label: mac ? texts.fileMac : texts.file,
    items: [
      { kind: 'command', label: texts.newWorkshop, command: { kind: 'newWorkshop' }, accelerator: 'CmdOrCtrl+N' },
      { kind: 'submenu', label: texts.openRecent, items: recentItems(options, texts, texts.allWorkshops) },
      { kind: 'command', label: texts.allWorkshops, command: { kind: 'home' }, accelerator: 'CmdOrCtrl+Shift+H' },
      separator,
      // macOS closes a window from File and quits from the app menu; Windows and Linux quit from File.
      ...(mac ? [role('close', texts.closeWindow)] : [role('quit', texts.quit)]),
    ],
  };

  const edit: MenuEntry = {
    kind: 'submenu',
    label: texts.edit,
    items: [
      role('undo', texts.undo),
      role('redo', texts.redo),
      separator,
      role('cut', texts.cut),
      role('copy', texts.copy),
      role('paste', texts.paste),
      ...(mac ? [role('pasteAndMatchStyle', texts.pasteAndMatchStyle)] : []),
      role('delete', texts.delete),
      separator,
      role('selectAll', texts.selectAll),
    ],
  };

  const view: MenuEntry = {
    kind: 'submenu',
    label: texts.view,
    items: [
      ...(options.packaged ? [] : [role('reload', texts.reload), role('forceReload', texts.forceReload), role('toggleDevTools', texts.devTools), separator]),
      role('resetZoom', texts.resetZoom),
      role('zoomIn', texts.zoomIn),
      role('zoomOut', texts.zoomOut),
      separator,
      role('togglefullscreen', texts.fullScreen),
    ],
  };

  const window: MenuEntry = {
    kind: 'submenu',
    label: texts.window,
    special: 'window',
    items: mac ? [role('minimize', texts.minimize), role('zoom', texts.zoom), separator, role('front', texts.front)] : [role('minimize', texts.minimize), role('close', texts.closeWindow)],
  };

  // On macOS About sits in the app menu and the system adds its search field to Help; elsewhere Help holds About.
  const help: MenuEntry = { kind: 'submenu', label: texts.help, special: 'help', items: mac ? [] : [about] };

  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}

/** The About box's texts. */
export function aboutTexts(language: MenuLanguage, version: string): { title: string; message: string; detail: string; button: string } {
  const texts = TEXTS[language];
  return { title: texts.about, message: 'Plenum', detail: texts.aboutDetail.replace('{{version}}', version), button: texts.ok };
}

/** The menu's language before the window said which one the UI speaks: the system's, if Plenum speaks it. */
export function menuLanguageOf(systemLanguages: readonly string[]): MenuLanguage {
  for (const tag of systemLanguages) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base === 'de' || base === 'en' || base === 'uk') return base;
  }
  return 'de';
}
