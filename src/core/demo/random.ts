import type { RandomBytes } from '../../shared/scan/codes';

/**
 * A small seeded PRNG (mulberry32): the demo school must come out the same on every run, so
 * scripts and end-to-end tests can scan its codes. Not for anything secret.
 */
export interface DemoRandom {
  /** 0 ≤ x < 1 */
  next(): number;
  int(min: number, maxInclusive: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A RandomBytes source for `newOwnCode`, so sticker codes are seeded too. */
  bytes: RandomBytes;
}

export function demoRandom(seed: number): DemoRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, maxInclusive: number): number => min + Math.floor(next() * (maxInclusive - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    bytes: (buffer) => {
      for (let i = 0; i < buffer.length; i++) buffer[i] = int(0, 255);
      return buffer;
    },
  };
}
