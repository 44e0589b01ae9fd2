import { z } from 'zod';
import type { EventName, MethodName } from './names';

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
  /** The source's NFC profile read this as a tag UID: enrolled, it becomes an NFC tag, not a sticker. */
  nfc: z.boolean().optional(),
});
export type ScanEvent = z.infer<typeof ScanEvent>;

/**
 * The calls after whose success the screen hears `custodyChanged`: each records a handover (or a
 * note on a device the school holds) in the ledger, so a screen showing custody is out of date.
 */
export const custodyChangingMethods = [
  'scan',
  'handIn',
  'returnDevice',
  'transfer',
  'confiscate',
  'releaseToGuardian',
  'noteCondition',
  'reportIncident',
  'correct',
  'keepOvernight',
  'closeDay',
  'enrolDevice',
] as const satisfies readonly MethodName[];
export type CustodyChangingMethod = (typeof custodyChangingMethods)[number];

export const isCustodyChanging = (method: string): method is CustodyChangingMethod =>
  (custodyChangingMethods as readonly string[]).includes(method);

/** Whichever screen or reader made the call: the door, a teacher's form, the HID reader's scan. */
export const CustodyChanged = z.object({ method: z.enum(custodyChangingMethods) });
export type CustodyChanged = z.infer<typeof CustodyChanged>;

/** How far a running export is: events written of those it will write (numbers only). */
export const ExportProgress = z.object({ done: z.number().int().min(0), total: z.number().int().min(0) });
export type ExportProgress = z.infer<typeof ExportProgress>;

/** Pushed from the app to the screen. */
export const events = {
  scan: ScanEvent,
  stateChanged: z.object({ reason: z.string() }),
  custodyChanged: CustodyChanged,
  exportProgress: ExportProgress,
} satisfies Record<EventName, z.ZodType>;

export type Events = typeof events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
