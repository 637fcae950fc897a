import type { Rect } from './window-state';

/** The part of Electron's Display the projector placement needs. */
export interface ProjectorDisplay {
  id: number;
  bounds: Rect;
  /** Electron: true for a laptop's built-in panel; a projector or monitor is not internal. */
  internal?: boolean;
}

export interface ProjectorPlacement {
  /** The display the projector fills, or null: no second display, an ordinary window beside the moderator's. */
  displayId: number | null;
  bounds: Rect;
  fullscreen: boolean;
}

/** Size of the projector as an ordinary window (16:9, fits a 1366×768 laptop with room to spare). */
export const WINDOWED_PROJECTOR = { width: 1280, height: 720 } as const;

const area = (rect: Rect) => rect.width * rect.height;

/**
 * Where the projector window goes: fullscreen on a display other than the moderator's, preferring
 * an external one (a laptop docked with its lid open has its own panel as a second display), then
 * the largest, then the lowest id so the choice is the same every time. With a single display it
 * is an ordinary window centred on it, so the moderator can drag it to a projector plugged in later.
 */
export function projectorPlacement(displays: readonly ProjectorDisplay[], moderatorDisplayId: number): ProjectorPlacement {
  const others = displays
    .filter((display) => display.id !== moderatorDisplayId)
    .sort((a, b) => Number(a.internal === true) - Number(b.internal === true) || area(b.bounds) - area(a.bounds) || a.id - b.id);
  const target = others[0];
  if (target) return { displayId: target.id, bounds: { ...target.bounds }, fullscreen: true };
  const home = displays.find((display) => display.id === moderatorDisplayId) ?? displays[0];
  const frame = home?.bounds ?? { x: 0, y: 0, ...WINDOWED_PROJECTOR };
  const width = Math.min(WINDOWED_PROJECTOR.width, frame.width);
  const height = Math.min(WINDOWED_PROJECTOR.height, frame.height);
  return {
    displayId: null,
    bounds: { x: frame.x + Math.round((frame.width - width) / 2), y: frame.y + Math.round((frame.height - height) / 2), width, height },
    fullscreen: false,
  };
}

/**
 * Whether an open projector must move after the displays changed: a projector plugged in while it
 * shows as a window, or its display unplugged (fullscreen on a screen that is gone shows nothing).
 */
export function projectorNeedsMove(current: ProjectorPlacement, next: ProjectorPlacement): boolean {
  return current.displayId !== next.displayId || current.fullscreen !== next.fullscreen;
}
