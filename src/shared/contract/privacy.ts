import { z } from 'zod';
import { method } from './define';
import { RetentionSettings } from './retention';

const Id = z.string().min(1).max(64);
const Iso = z.string();

/** What a purge erased or, as a dry run, would erase: counts only. */
export const PurgeSummary = z.object({
  at: Iso,
  dryRun: z.boolean(),
  retention: RetentionSettings,
  cutoffs: z.object({ routineBefore: Iso, closedCaseBefore: Iso, leftPupilBefore: Iso }),
  routine: z.number().int(),
  closedCases: z.number().int(),
  leftPupils: z.number().int(),
  events: z.number().int(),
  openCases: z.number().int(),
  leftPupilsHeldByOpenCase: z.number().int(),
  recordSeq: z.number().int().nullable(),
  walEmptied: z.boolean().nullable(),
});
export type PurgeSummary = z.infer<typeof PurgeSummary>;

/** A pupil as the privacy screen lists them: also those who left, whose parents may still ask. */
export const PrivacyPupil = z.object({
  pupilId: z.string(),
  roepnaam: z.string(),
  voorvoegsel: z.string(),
  achternaam: z.string(),
  groep: z.string(),
  active: z.boolean(),
});

/** One of this database's own backups, as the admin's backup screen lists it. */
export const BackupItem = z.object({
  name: z.string(),
  takenAt: Iso,
  sizeBytes: z.number().int(),
  ok: z.boolean(),
  problem: z.string().nullable(),
  lastSeq: z.number().int(),
});
export type BackupItem = z.infer<typeof BackupItem>;

const Folder = z.string().trim().min(1).max(1000);

export const privacyMethods = {
  /** The retention dry run: what a purge now would erase. */
  previewPurge: method('admin', z.strictObject({}), PurgeSummary),
  /** Runs the purge now (the kiosk also runs it by itself once a day). */
  runPurge: method('admin', z.strictObject({}), PurgeSummary),
  privacyPupils: method('office', z.strictObject({}), z.object({ pupils: z.array(PrivacyPupil) })),
  /** A pupil's data on request (AVG art. 15), recorded as `export_made`. */
  subjectAccess: method(
    'office',
    z.strictObject({ pupilId: Id, format: z.enum(['pdf', 'csv']) }),
    z.object({ fileName: z.string(), mime: z.string(), base64: z.string(), events: z.number().int() }),
  ),
  /** Erasure on request (AVG art. 17); CASE_OPEN while a confiscation or incident is open. */
  erasePupil: method(
    'office',
    z.strictObject({ pupilId: Id, reason: z.string().trim().min(1).max(200) }),
    z.object({ erased: z.number().int(), recordSeq: z.number().int().nullable() }),
  ),
  listBackups: method('admin', z.strictObject({}), z.object({ folder: z.string(), backups: z.array(BackupItem) })),
  makeBackupNow: method('admin', z.strictObject({}), BackupItem),
  /** Copies one of this database's backups to a folder (a USB stick, a network share) and checks the copy. */
  copyBackup: method('admin', z.strictObject({ name: z.string().min(1).max(300), folder: Folder }), z.object({ path: z.string(), verified: z.boolean() })),
  /** Restores one of this database's backups; `confirm` must be true (the screen asks first). */
  restoreBackup: method(
    'admin',
    z.strictObject({ name: z.string().min(1).max(300), confirm: z.literal(true) }),
    z.object({ restarting: z.literal(true), lastSeq: z.number().int() }),
  ),
};
