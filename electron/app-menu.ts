import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/host-api';
import type { MenuEntry } from './services/app-menu';

// The menu's data (services/app-menu.ts) as Electron's Menu: roles stay native, commands call back.

function toElectron(entry: MenuEntry, onCommand: (command: MenuCommand) => void): MenuItemConstructorOptions {
  switch (entry.kind) {
    case 'separator':
      return { type: 'separator' };
    case 'role':
      return { role: entry.role, label: entry.label };
    case 'command':
      return { label: entry.label, accelerator: entry.accelerator, enabled: entry.enabled ?? true, click: () => onCommand(entry.command) };
    case 'submenu':
      return { label: entry.label, role: entry.special, submenu: entry.items.map((item) => toElectron(item, onCommand)) };
  }
}

/** Replaces the application menu (every window's on Windows and Linux, the menu bar on macOS). */
export function applyAppMenu(entries: readonly MenuEntry[], onCommand: (command: MenuCommand) => void): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(entries.map((entry) => toElectron(entry, onCommand))));
}
