import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './file-writer';

export const WINDOW_STATE_FILE = 'window-state.json';

const size = z.number().int().min(200).max(100_000);
const coordinate = z.number().int().min(-100_000).max(100_000);

/** What is remembered of the moderator's window between runs. */
export const windowStateSchema = z.object({
  bounds: z.object({ x: coordinate.optional(), y: coordinate.optional(), width: size, height: size }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;
/** Where a window may be placed; without x/y the window manager centres it. */
export type WindowBounds = WindowState['bounds'];

/** No position: the window manager centres a first window on the primary display. */
export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1280, height: 800 }, maximized: false };


/** A rectangle in screen coordinates (Electron's Rectangle has this shape). */
export type Rect = { x: number; y: number; width: number; height: number };
/** The part of Electron's Display used here. */
export type DisplayArea = { id: number; workArea: Rect };

/**
 * Reads the remembered window state from `dir`. A missing, unreadable, damaged or implausible file gives the
 * defaults: a window that opens in the wrong place is better than an app that does not start.
 */
export async function loadWindowState(dir: string): Promise<WindowState> {
  try {
    const text = await readFile(path.join(dir, WINDOW_STATE_FILE), 'utf8');
    const parsed = windowStateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Stores the window state in `dir`, atomically so a crash mid-write never leaves a half file behind. */
export async function saveWindowState(dir: string, state: WindowState): Promise<void> {
  const { x, y, width, height } = state.bounds;
  const rounded = {
    bounds: {
      ...(x === undefined ? {} : { x: Math.round(x) }),
      ...(y === undefined ? {} : { y: Math.round(y) }),
      width: Math.round(width),
      height: Math.round(height),
    },
    maximized: state.maximized,
  };
  const valid = windowStateSchema.parse(rounded);
  await writeFileAtomic(path.join(dir, WINDOW_STATE_FILE), `${JSON.stringify(valid, null, 2)}\n`);
}

function overlapArea(a: Rect, b: Rect): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max));
}

/**
 * Places restored bounds fully on the display they overlap most, shrinking them if that display is smaller.
 * When they overlap none (the monitor was unplugged, the laptop left the docking station), the position is dropped
 * so the window opens centred on the first display: pass the primary display first.
 */
export function fitToDisplays(bounds: WindowBounds, displays: readonly DisplayArea[]): WindowBounds {
  const primary = displays[0];
  if (!primary) return bounds;
  const { x, y } = bounds;
  let home: Rect | null = null;
  if (x !== undefined && y !== undefined) {
    let best = 0;
    for (const display of displays) {
      const area = overlapArea({ x, y, width: bounds.width, height: bounds.height }, display.workArea);
      if (area > best) {
        best = area;
        home = display.workArea;
      }
    }
  }
  const area = home ?? primary.workArea;
  const width = Math.min(bounds.width, area.width);
  const height = Math.min(bounds.height, area.height);
  if (!home || x === undefined || y === undefined) return { width, height };
  return {
    x: clamp(x, area.x, area.x + area.width - width),
    y: clamp(y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

/**
 * The display for the projector: a display other than the one showing the moderator's window,
 * or null when there is only one screen (then the projector opens as an ordinary window).
 */
export function pickProjectorDisplay<D extends { id: number }>(displays: readonly D[], moderatorDisplayId: number): D | null {
  return displays.find((display) => display.id !== moderatorDisplayId) ?? null;
}
