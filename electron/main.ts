import path from 'node:path';
import { app, BrowserWindow, dialog, nativeTheme, protocol, screen, session, shell, type Session, type WebContents } from 'electron';
import { MENU_COMMAND_EVENT, type HostInput, type MenuCommand } from '../shared/host-api';
import { applyAppMenu } from './app-menu';
import { registerHostIpc, stopHostServices } from './ipc';
import { aboutTexts, buildMenuTemplate, menuLanguageOf } from './services/app-menu';
import { openedFilesQueue, plenumPathsIn } from './services/opened-files';
import { APP_SCHEME_PRIVILEGES, CHROMIUM_SWITCHES, mainWindowOptions, projectorWindowOptions, windowIconPath } from './security';
import { APP_SCHEME, appPageUrl, externalLinkTarget, isAllowedNavigation, projectorUrl } from './services/app-url';
import { isPermissionAllowed } from './services/content-policy';
import { createAppRequestHandler } from './services/app-protocol';
import { projectorNeedsMove, projectorPlacement, type ProjectorPlacement } from './services/projector-display';
import { fitToDisplays, loadWindowState, saveWindowState } from './services/window-state';
import { chromiumLang, readUiLanguage } from './services/app-language';

// Lifecycle and wiring only: every decision (options, URLs, permissions, paths, placement) lives in a tested module.

const preloadPath = path.join(__dirname, 'preload.cjs');
const windowIcon = windowIconPath(process.platform, app.getAppPath(), path.join);

let mainWindow: BrowserWindow | null = null;
let projectorWindow: BrowserWindow | null = null;
let pendingStateSave: Promise<void> | null = null;
let hostServicesStopping = false;

// Before ready: these only take effect when set before Chromium starts.
app.enableSandbox();
for (const { name, value } of CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
// Chromium's locale follows the UI's language (as last chosen): its controls then write dates as the UI does.
const uiLang = chromiumLang(readUiLanguage(app.getPath('userData')));
if (uiLang) app.commandLine.appendSwitch('lang', uiLang);
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);

function openExternally(url: string): void {
  const target = externalLinkTarget(url);
  if (target) shell.openExternal(target).catch((error: unknown) => console.error('openExternal failed', error));
}

/** Every web contents, whichever window it belongs to, may only show the app's own page. */
function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    openExternally(event.url);
  });
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

function applySessionPolicy(target: Session): void {
  target.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(isPermissionAllowed(permission, details.requestingUrl)),
  );
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  // HID, serial, USB: a workshop app has no business with devices.
  target.setDevicePermissionHandler(() => false);
}

function focus(win: BrowserWindow | null): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function openMainWindow(): Promise<void> {
  const stateDir = app.getPath('userData');
  const saved = await loadWindowState(stateDir);
  // Primary first: fitToDisplays centres a window on the first display when its old monitor is gone.
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()];
  const win = new BrowserWindow(mainWindowOptions(preloadPath, fitToDisplays(saved.bounds, displays), { icon: windowIcon, dark: nativeTheme.shouldUseDarkColors }));
  mainWindow = win;
  win.once('ready-to-show', () => {
    if (saved.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    const state = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    pendingStateSave = saveWindowState(stateDir, state).catch((error: unknown) => console.error('window state not saved', error));
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
    // The projector only mirrors the moderator's window; alone it would keep the app running invisibly to the moderator.
    projectorWindow?.close();
  });
  await win.loadURL(appPageUrl());
}

/** The menu's language and recent workshops, as the window last said (before that: the system's language, none). */
let menuState: HostInput<'menu:update'> | null = null;

function currentMenuState(): HostInput<'menu:update'> {
  return menuState ?? { language: menuLanguageOf(app.getPreferredSystemLanguages()), recent: [] };
}

function rebuildMenu(): void {
  const { language, recent } = currentMenuState();
  applyAppMenu(buildMenuTemplate({ platform: process.platform, packaged: app.isPackaged, language, recent }), onMenuCommand);
}

function updateMenu(input: HostInput<'menu:update'>): void {
  menuState = input;
  rebuildMenu();
}

function onMenuCommand(command: MenuCommand): void {
  if (command.kind === 'about') {
    const texts = aboutTexts(currentMenuState().language, app.getVersion());
    const options = { type: 'info' as const, title: texts.title, message: texts.message, detail: texts.detail, buttons: [texts.button] };
    const shown = mainWindow && !mainWindow.isDestroyed() ? dialog.showMessageBox(mainWindow, options) : dialog.showMessageBox(options);
    shown.catch((error: unknown) => console.error('about box failed', error));
    return;
  }
  // The moderator's window acts on the rest; the projector only shows.
  if (!mainWindow || mainWindow.isDestroyed()) {
    openMainWindow().catch(fail);
    return;
  }
  focus(mainWindow);
  mainWindow.webContents.send(MENU_COMMAND_EVENT, command);
}

/** Where the projector is now, so a display plugged in or pulled out can move it (see projector-display.ts). */
let projectorPlaced: ProjectorPlacement | null = null;

function currentPlacement(): ProjectorPlacement {
  const moderatorDisplay = mainWindow && !mainWindow.isDestroyed() ? screen.getDisplayMatching(mainWindow.getBounds()) : screen.getPrimaryDisplay();
  return projectorPlacement(screen.getAllDisplays(), moderatorDisplay.id);
}

function placeProjector(win: BrowserWindow, placement: ProjectorPlacement): void {
  projectorPlaced = placement;
  // Out of fullscreen first: a fullscreen window ignores new bounds on some systems.
  if (win.isFullScreen()) win.setFullScreen(false);
  win.setBounds(placement.bounds);
  // After show, on the target display: fullscreen set on a hidden window lands on the primary display on some systems.
  if (placement.fullscreen && win.isVisible()) win.setFullScreen(true);
}

/** Opens the projector on a workshop: fullscreen on another display when there is one, else an ordinary window. */
function openProjector(workshopId: string): boolean {
  const url = projectorUrl(workshopId);
  if (projectorWindow && !projectorWindow.isDestroyed()) {
    // Not awaited: a hash-only change is a same-document navigation, and the caller only needs to know it is shown.
    projectorWindow.loadURL(url).catch((error: unknown) => console.error('projector navigation failed', error));
    projectorWindow.show();
    return true;
  }
  const placement = currentPlacement();
  const win = new BrowserWindow(projectorWindowOptions(preloadPath, placement.bounds, windowIcon));
  projectorWindow = win;
  projectorPlaced = placement;
  win.once('ready-to-show', () => {
    win.show();
    if (projectorPlaced?.fullscreen) win.setFullScreen(true);
  });
  win.on('closed', () => {
    if (projectorWindow === win) {
      projectorWindow = null;
      projectorPlaced = null;
    }
  });
  win.loadURL(url).catch((error: unknown) => console.error('projector failed to load', error));
  return true;
}

/** A projector cable plugged in or pulled out during the day: the open projector follows. */
function onDisplaysChanged(): void {
  const win = projectorWindow;
  if (!win || win.isDestroyed() || !projectorPlaced) return;
  const next = currentPlacement();
  if (projectorNeedsMove(projectorPlaced, next)) placeProjector(win, next);
}

async function start(): Promise<void> {
  applySessionPolicy(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppRequestHandler(path.join(app.getAppPath(), 'dist', 'renderer')));
  registerHostIpc({ openProjector, openedFiles, updateMenu });
  rebuildMenu();
  screen.on('display-added', onDisplaysChanged);
  screen.on('display-removed', onDisplaysChanged);
  await openMainWindow();
}

function fail(error: unknown): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Plenum could not start', `${detail}\n\nIf you run from source, build first: npm run build`);
  app.exit(1);
}

/** Backups double-clicked or opened with Plenum; the window imports them (file:takeOpened). */
const openedFiles = openedFilesQueue();
openedFiles.add(plenumPathsIn(process.argv.slice(1)));

if (!app.requestSingleInstanceLock()) {
  // One process per profile: two would write the same IndexedDB and host the same workshops twice.
  app.quit();
} else {
  app.on('second-instance', (_event, argv) => {
    openedFiles.add(plenumPathsIn(argv.slice(1)));
    // The window takes the files when it gets the focus.
    focus(mainWindow);
  });
  // macOS hands a double-clicked file over this way, also before the app is ready.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    openedFiles.add([file]);
    focus(mainWindow);
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow().catch(fail);
  });
  app.on('will-quit', (event) => {
    // The window state is written asynchronously on close, and a hosted signaling server closes its connections and
    // withdraws its mDNS advert; hold the quit until both are done (the second pass finds nothing left to wait for).
    const save = pendingStateSave;
    const hosting = hostServicesStopping ? null : stopHostServices();
    hostServicesStopping = true;
    if (!save && !hosting) return;
    pendingStateSave = null;
    event.preventDefault();
    void Promise.allSettled([save, hosting]).finally(() => app.quit());
  });
  app.whenReady().then(start).catch(fail);
}
