import { z } from 'zod';
import type { EventName } from './names';

export const ScanSource = z.enum(['wedge', 'hid', 'camera', 'cli']);
export type ScanSource = z.infer<typeof ScanSource>;

/** Every scan source produces this one shape. */
export const ScanEvent = z.object({
  source: ScanSource,
  /** What the reader delivered, before normalisation. */
  raw: z.string().max(256),
  /** The normalised code the app looks up. */
  code: z.string().max(256),
  /** Milliseconds since the epoch when the scan completed. */
  at: z.number(),
});
export type ScanEvent = z.infer<typeof ScanEvent>;

/** Pushed from the app to the screen. */
export const events = {
  scan: ScanEvent,
  stateChanged: z.object({ reason: z.string() }),
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
