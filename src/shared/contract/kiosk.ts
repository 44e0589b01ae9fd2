import { z } from 'zod';
import { method } from './define';

export const KioskInfo = z.object({
  kioskId: z.string(),
  name: z.string(),
  school: z.string(),
  appVersion: z.string(),
});
export type KioskInfo = z.infer<typeof KioskInfo>;

export const Health = z.object({
  /** False when the start-up check found a problem: the app then refuses to write. */
  writable: z.boolean(),
  problem: z.enum(['DB_CORRUPT', 'DB_READ_ONLY']).nullable(),
});
export type Health = z.infer<typeof Health>;

const NoArgs = z.object({}).strict();

/** The kiosk itself: who it is, whether it is healthy, and leaving kiosk mode. */
export const kioskMethods = {
  getKioskInfo: method(NoArgs, KioskInfo),
  getHealth: method(NoArgs, Health),
  /** Leaving the full-screen kiosk needs an administrator's PIN. */
  exitKiosk: method(z.object({ pin: z.string().regex(/^\d{4,8}$/) }).strict(), z.object({ exiting: z.literal(true) })),
};
