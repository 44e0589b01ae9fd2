import type { SyncTimers } from '../../../../src/core/central/autoSync';

/** The schedule's timers, fired by the test: what the schedule does next never waits on real time. */
export interface ManualTimers extends SyncTimers {
  /** How many timers are set and not yet fired. */
  readonly pending: number;
  /** The delay the next timer was set for. */
  readonly nextDelay: number | undefined;
  /** Fires the timer set first. */
  fire(): void;
  /** Resolves once the schedule has set its next timer (after a run it started has ended). */
  settled(): Promise<void>;
}

export function manualTimers(): ManualTimers {
  const pending = new Map<number, { run: () => void; ms: number }>();
  let id = 0;
  return {
    set(run, ms) {
      pending.set(++id, { run, ms });
      return id;
    },
    clear(handle) {
      pending.delete(handle as number);
    },
    get pending() {
      return pending.size;
    },
    get nextDelay() {
      return [...pending.values()][0]?.ms;
    },
    fire() {
      const next = [...pending.entries()][0];
      if (!next) throw new Error('no timer is set');
      pending.delete(next[0]);
      next[1].run();
    },
    async settled() {
      while (pending.size === 0) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
