import { z } from 'zod';
import { method } from './define';
import { KioskName, SchoolName } from './kioskFields';
import { RolloutOutcome } from './rollout';

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
  problem: z.enum(['DB_CORRUPT', 'DB_READ_ONLY', 'REGISTRY_MISMATCH']).nullable(),
  /** When there is a problem: the newest backup that passes every check, to offer a restore. */
  backup: z.object({ takenAt: z.string(), lastSeq: z.number().int() }).nullable(),
  /** What the machine-wide roll-out file did at this start (absent where no host applies one). */
  rollout: RolloutOutcome.optional(),
});
export type Health = z.infer<typeof Health>;

const NoArgs = z.object({}).strict();

export const HidDevice = z.object({
  vendorId: z.number().int(),
  productId: z.number().int(),
  usagePage: z.number().int().nullable(),
  product: z.string().nullable(),
  manufacturer: z.string().nullable(),
});
export type HidDevice = z.infer<typeof HidDevice>;

/** The kiosk itself: who it is, whether it is healthy, and leaving kiosk mode. */
export const kioskMethods = {
  getKioskInfo: method('door', NoArgs, KioskInfo),
  /** Recorded in the ledger as a settings change. */
  renameKiosk: method(
    'admin',
    z.object({ name: KioskName, school: SchoolName }).strict(),
    KioskInfo,
  ),
  /** The HID devices this PC sees, for choosing a directly opened scanner. */
  listHidDevices: method('admin', NoArgs, z.object({ devices: z.array(HidDevice), error: z.string().nullable() })),
  getHealth: method('door', NoArgs, Health),
  /**
   * After a failed start-up check: an administrator puts the newest good backup in place; the
   * damaged database is kept beside it. The app restarts on the restored database.
   */
  restoreNewestBackup: method('admin', NoArgs, z.object({ restarting: z.literal(true), lastSeq: z.number().int() })),
  /** A new kiosk has no staff: the first administrator is made on the kiosk itself. */
  getSetupState: method('door', NoArgs, z.object({ needsFirstAdmin: z.boolean() })),
  /** Only while no staff exists (checked by the core); the new administrator is then unlocked. */
  createFirstAdmin: method(
    'door',
    z.object({ displayName: z.string().trim().min(1).max(80), pin: z.string().regex(/^\d{4,8}$/) }).strict(),
    z.object({ staffId: z.string(), displayName: z.string(), role: z.literal('admin') }),
  ),
  /** Leaving the full-screen kiosk needs an administrator's PIN, typed again for this call. */
  exitKiosk: method(
    'door',
    z.object({ staffId: z.uuid(), pin: z.string().regex(/^\d{4,8}$/) }).strict(),
    z.object({ exiting: z.literal(true) }),
  ),
};
