/**
 * The smallest type the wall shows, in wall units: percent of the window's shorter side (its
 * height on a landscape projector; its width on a portrait screen, whose type must fit its width).
 * The projected image's height, not its pixels, decides what the back row reads: 2.5 % of it is
 * about 2.5 cm of type on a 1 m high image, readable from 8 image heights (the usual depth of a
 * room for its screen). At 768 px that is 19 px, at 1080 px 27 px, at 2160 px 54 px. The
 * projector's CSS uses it as --wall-min (projector.css) and every layout stops shrinking there;
 * tests/e2e/projector-fit.spec.ts holds every view to it.
 */
export const MIN_TEXT_VH = 2.5;

/** One wall unit in px: 1 % of the window's shorter side (--wall-u in projector.css). */
export function wallUnitPx(): number {
  return Math.min(window.innerWidth, window.innerHeight) / 100;
}

/**
 * A size step for one long text the wall shows whole (a title, a task): ' is-long' past `long`
 * characters, ' is-longer' past `longer`, so it wraps onto the lines it has instead of running off.
 */
export function lengthLook(text: string, long: number, longer: number): '' | ' is-long' | ' is-longer' {
  const length = text.trim().length;
  return length > longer ? ' is-longer' : length > long ? ' is-long' : '';
}
