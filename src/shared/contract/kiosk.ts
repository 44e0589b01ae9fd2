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

/** Why the kiosk stores nothing: a failed check, the disk, or a database it could not open. */
export const HealthProblem = z.enum([
  'DB_CORRUPT',
  'DB_READ_ONLY',
  'REGISTRY_MISMATCH',
  'DISK_FULL',
  'DISK_READ_ONLY',
  'DB_FROM_NEWER_VERSION',
  'INTERNAL',
]);
export type HealthProblem = z.infer<typeof HealthProblem>;

/** A background job that failed; it stands until that job next succeeds. `problem` is a code, never a path. */
export const JobFailure = z.object({ at: z.string(), problem: z.string().nullable() });

/**
 * The automatic sync to the board's central database, for the banners: a refusal or a diverged
 * chain (serious, it stands until a sync succeeds), and a long time unreachable with events waiting.
 */
export const SyncAlerts = z.object({
  syncRefused: z
    .object({
      at: z.string(),
      outcome: z.enum(['refused', 'diverged']),
      problem: z.string().nullable(),
      /** The seq the problem names (for a fork after a restore, the first that differs), if any. */
      seq: z.number().int().nullable(),
    })
    .nullable(),
  syncOffline: z.object({ since: z.string(), waiting: z.number().int() }).nullable(),
  /** The kiosk took its own missing events back from the central copy after a restore (shown for a day). */
  syncTakenBack: z.object({ at: z.string(), count: z.number().int() }).nullable(),
});
export type SyncAlerts = z.infer<typeof SyncAlerts>;

export const Health = z.object({
  /** False when the kiosk stores nothing: a failed check, a full or read-only disk, an unopenable database. */
  writable: z.boolean(),
  problem: HealthProblem.nullable(),
  /** When a backup can help: the newest backup that passes every check, to offer a restore. */
  backup: z.object({ takenAt: z.string(), lastSeq: z.number().int() }).nullable(),
  /** What the machine-wide roll-out file did at this start (absent where no host applies one). */
  rollout: RolloutOutcome.optional(),
  /** The daily backup and the daily check, when their last run failed: the staff screens' banner. */
  alerts: z.object({ backupFailed: JobFailure.nullable(), checkFailed: JobFailure.nullable() }).extend(SyncAlerts.shape),
  /**
   * Only when the database could not be opened at all: what the recovery screen tells the IT
   * partner (the kiosk id where it is known, the failure's code and SQLite's own cause; no path).
   */
  startFailure: z.object({ code: z.string(), cause: z.string(), kioskId: z.string().nullable() }).optional(),
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
  /**
   * While the database cannot be opened at all (no staff table to unlock with): an administrator's
   * PIN, checked against the newest good backup's staff (the staff a restore brings back), puts
   * that backup in place. NOT_AVAILABLE while the database is open: use restoreNewestBackup.
   */
  restoreAfterFailedStart: method(
    'door',
    z.object({ pin: z.string().regex(/^\d{4,8}$/) }).strict(),
    z.object({ restarting: z.literal(true), lastSeq: z.number().int() }),
  ),
  /** While the database cannot be opened: open it again (the IT partner freed the disk, say). */
  retryStart: method('door', NoArgs, z.object({ opened: z.boolean() })),
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
    // No name when the database could not be opened: the recovery screen cannot list staff, and
    // checks the PIN against the administrators of the newest good backup instead.
    z.object({ staffId: z.uuid().optional(), pin: z.string().regex(/^\d{4,8}$/) }).strict(),
    z.object({ exiting: z.literal(true) }),
  ),
};
