import { describe, expect, it } from 'vitest';
import { projectorNeedsMove, projectorPlacement, WINDOWED_PROJECTOR, type ProjectorDisplay } from '../../electron/services/projector-display';

const laptop: ProjectorDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1366, height: 768 }, internal: true };
const beamer: ProjectorDisplay = { id: 7, bounds: { x: 1366, y: 0, width: 1024, height: 768 }, internal: false };
const monitor: ProjectorDisplay = { id: 3, bounds: { x: -1920, y: 0, width: 1920, height: 1080 }, internal: false };

describe('projectorPlacement', () => {
  it('fills the display that is not the moderator\'s, fullscreen', () => {
    expect(projectorPlacement([laptop, beamer], laptop.id)).toEqual({ displayId: 7, bounds: beamer.bounds, fullscreen: true });
  });

  it('prefers an external display to the laptop\'s own panel when the moderator works on a monitor', () => {
    expect(projectorPlacement([laptop, monitor, beamer], monitor.id).displayId).toBe(beamer.id);
  });

  it('among several external displays takes the largest, the same one every time', () => {
    const twin = { ...monitor, id: 9, bounds: { ...monitor.bounds, x: 4000 } };
    expect(projectorPlacement([laptop, beamer, monitor], laptop.id).displayId).toBe(monitor.id);
    expect(projectorPlacement([laptop, twin, monitor], laptop.id).displayId).toBe(monitor.id);
    expect(projectorPlacement([laptop, monitor, twin], laptop.id).displayId).toBe(monitor.id);
  });

  it('with one display opens a window centred on it, never larger than the screen', () => {
    expect(projectorPlacement([laptop], laptop.id)).toEqual({
      displayId: null,
      bounds: { x: 43, y: 24, width: WINDOWED_PROJECTOR.width, height: WINDOWED_PROJECTOR.height },
      fullscreen: false,
    });
    const small = { id: 2, bounds: { x: 0, y: 0, width: 1024, height: 600 } };
    expect(projectorPlacement([small], 2).bounds).toEqual({ x: 0, y: 0, width: 1024, height: 600 });
  });

  it('does not fail when the moderator\'s display is unknown or none is reported', () => {
    expect(projectorPlacement([], 1)).toMatchObject({ displayId: null, fullscreen: false });
    expect(projectorPlacement([laptop], 99).displayId).toBe(laptop.id);
  });
});

describe('projectorNeedsMove', () => {
  it('moves a windowed projector to a display plugged in later, and back when it is unplugged', () => {
    const alone = projectorPlacement([laptop], laptop.id);
    const plugged = projectorPlacement([laptop, beamer], laptop.id);
    expect(projectorNeedsMove(alone, plugged)).toBe(true);
    expect(projectorNeedsMove(plugged, alone)).toBe(true);
    expect(projectorNeedsMove(plugged, projectorPlacement([laptop, beamer], laptop.id))).toBe(false);
  });
});
