/** The core's clock behind the test bridge. */
export interface BridgeClock {
  now(): Date;
}

/**
 * A clock that starts where a story needs it and then runs on with real time, like the page's
 * clock after Playwright's `page.clock.install({ time })`. Stories move both together.
 */
export interface TestClock extends BridgeClock {
  /** From now on the clock reads `at`, and runs on from there. */
  set(at: Date): void;
  /** Jumps forward, as `page.clock.fastForward` does in the page. */
  advance(ms: number): void;
}

export function createTestClock(start: Date): TestClock {
  let offset = start.getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    set(at) {
      offset = at.getTime() - Date.now();
    },
    advance(ms) {
      offset += ms;
    },
  };
}

/** The browser preview is not a story: it runs on the PC's own clock. */
export const realClock: BridgeClock = { now: () => new Date() };
