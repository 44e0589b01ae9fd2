/**
 * A camera sees a sticker in every frame for as long as it is held up: that is one scan, not seven
 * a second. The gate lets a code through when it appears, and again only after it has been out of
 * view for `rearmMs` (a missed frame or two while it is held up does not count as "gone").
 */
export interface RepeatGate {
  /** Call with each frame's result (null: nothing found); true means "this is a new scan". */
  accept(text: string | null): boolean;
}

export function createRepeatGate(rearmMs: number, now: () => number): RepeatGate {
  let current: string | null = null;
  let lastSeenAt = Number.NEGATIVE_INFINITY;
  return {
    accept(text) {
      if (text === null) return false;
      const t = now();
      const stillInView = text === current && t - lastSeenAt < rearmMs;
      current = text;
      lastSeenAt = t;
      return !stillInView;
    },
  };
}
