import { z } from 'zod';
import { EventSummary } from './custody';
import { method } from './define';
import { EventType } from './eventTypes';

/**
 * A PostgreSQL connection URL (postgres://user[:password]@host[:port]/database[?sslmode=…]). Its
 * password is accepted on the way in and never sent back: what crosses to the screen is the URL
 * without it (`CentralConnectionView.url`).
 */
export const CentralUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => {
    try {
      const u = new URL(text);
      return (u.protocol === 'postgres:' || u.protocol === 'postgresql:') && u.hostname !== '' && /^\/[^/]+$/.test(u.pathname);
    } catch {
      return false;
    }
  }, 'postgres://user@host:5432/database');

/** Where the central database's address came from; the settings screen's wins over the others. */
export const CentralSource = z.enum(['settings', 'environment', 'rollout']);

export const CentralConnectionView = z.object({
  source: CentralSource.nullable(),
  /** The URL with any password taken out. */
  url: z.string().nullable(),
  passwordSet: z.boolean(),
  /** Board mode: the office area reads the central database (the office's PC at the board). */
  board: z.boolean(),
});
export type CentralConnectionView = z.infer<typeof CentralConnectionView>;

export const CentralProbeResult = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), kiosks: z.number().int(), readsBoard: z.boolean() }),
  z.object({ ok: z.literal(false), reason: z.enum(['unreachable', 'login_refused', 'no_database', 'no_schema', 'no_permission']) }),
]);
export type CentralProbeResult = z.infer<typeof CentralProbeResult>;

/** The kiosk's automatic sync to the central database, for the settings screen. No URL: it may hold a password. */
export const SyncStatus = z.object({
  /** A central database is set (settings, environment or roll-out file): the kiosk syncs on its own. */
  configured: z.boolean(),
  running: z.boolean(),
  last: z
    .object({
      at: z.string(),
      outcome: z.enum(['ok', 'refused', 'diverged', 'offline', 'error']),
      uploaded: z.number().int(),
      /** Events of the kiosk's own chain the sync took back from the central copy (after a restore). */
      takenBack: z.number().int(),
      centralSeq: z.number().int(),
      /** A code (a refusal's, `head_differs`, `offline`, a PostgreSQL error code), never a message. */
      problem: z.string().nullable(),
    })
    .nullable(),
  lastOkAt: z.string().nullable(),
  /** This kiosk's events the central database does not have yet, as far as the last sync knows. */
  waiting: z.number().int(),
});
export type SyncStatus = z.infer<typeof SyncStatus>;

/** A password typed on its own: empty means "keep the one stored". */
const Password = z.string().max(200).optional();

export const VerificationState = z.enum(['ok', 'diverged', 'not_verified']);
export type VerificationState = z.infer<typeof VerificationState>;

export const BoardKiosk = z.object({
  kioskId: z.string(),
  school: z.string(),
  name: z.string(),
  headSeq: z.number().int(),
  lastSyncAt: z.string().nullable(),
  lastSyncOutcome: z.string().nullable(),
  lastCheckpointSize: z.number().int().nullable(),
  lastCheckpointSignedAt: z.string().nullable(),
  lastWitnessedSize: z.number().int().nullable(),
  /** The newest sync that gave the kiosk back events of its own chain (after a restore from an older backup). */
  lastTakenBack: z.object({ at: z.string(), events: z.number().int() }).nullable(),
  findings: z.number().int(),
  verification: VerificationState,
  lastFinding: z.object({ problem: z.string(), source: z.string(), seq: z.number().int().nullable(), foundAt: z.string() }).nullable(),
});
export type BoardKiosk = z.infer<typeof BoardKiosk>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Which of the board's events; days are the PC's local days (as in the kiosk's export), `to` inclusive. */
export const BoardFilter = z.strictObject({
  school: z.string().max(200).optional(),
  kioskId: z.string().max(100).optional(),
  from: Day.optional(),
  to: Day.optional(),
  types: z.array(EventType).min(1).optional(),
  deviceId: z.string().max(100).optional(),
  pupilId: z.string().max(100).optional(),
});
export type BoardFilter = z.infer<typeof BoardFilter>;

export const BoardCursor = z.strictObject({ occurredAt: z.string().max(40), kioskId: z.string().max(100), seq: z.number().int().min(1) });

/** A kiosk's event as the central database holds it: the kiosk's own columns, and where it came from. */
export const BoardEvent = EventSummary.pick({
  seq: true,
  occurredAt: true,
  actor: true,
  custodian: true,
  deviceId: true,
  pupilId: true,
  locationId: true,
  pouchId: true,
  voidsSeq: true,
}).extend({
  school: z.string(),
  kioskName: z.string(),
  kioskId: z.string(),
  /** As the kiosk hashed it: a kiosk of a newer version may know a type this one does not. */
  type: z.string(),
});
export type BoardEvent = z.infer<typeof BoardEvent>;

export const BundleFile = z.strictObject({ name: z.string().max(255), base64: z.string().max(140_000_000) });

export const BundleImportOutcome = z.object({
  name: z.string(),
  outcome: z.enum(['ok', 'refused', 'not_verified', 'unknown_kiosk', 'central_bundle', 'partial_bundle']),
  kioskId: z.string().nullable(),
  imported: z.number().int(),
  skipped: z.number().int(),
  /** 1 when the kiosk's signed checkpoint came with the bundle and is now stored for the witness. */
  checkpoints: z.number().int(),
  /** Why it was refused or not verified (a refusal code or the verifier's reason). */
  reason: z.string().nullable(),
  /** The verifier's reason in words, for a bundle that did not verify. */
  message: z.object({ nl: z.string(), en: z.string() }).nullable(),
});
export type BundleImportOutcome = z.infer<typeof BundleImportOutcome>;

/**
 * The central database: where it is (set by the administrator) and, in board mode, what the
 * office reads of it. Every call connects for itself: the board's PC may lose the network, and
 * the kiosk at the door never waits for it.
 */
export const boardMethods = {
  getCentralConnection: method('office', z.strictObject({}), CentralConnectionView),
  /** `password` omitted or empty keeps the stored one (for the same user and host); `url: null` forgets the connection. */
  setCentralConnection: method(
    'admin',
    z.strictObject({ url: CentralUrl.nullable(), password: Password, board: z.boolean() }),
    CentralConnectionView,
  ),
  /** Tries what is typed (or, with no `url`, what is in use) without saving anything. */
  testCentralConnection: method('admin', z.strictObject({ url: CentralUrl.optional(), password: Password }), CentralProbeResult),
  getSyncStatus: method('office', z.strictObject({}), SyncStatus),
  /** Syncs now (or waits for the sync already running) and answers with the new status. */
  syncNow: method('admin', z.strictObject({}), SyncStatus),
  boardKioskHealth: method('office', z.strictObject({ school: z.string().max(200).optional() }), z.object({ kiosks: z.array(BoardKiosk) })),
  boardEvents: method(
    'office',
    z.strictObject({ filter: BoardFilter, limit: z.number().int().min(1).max(500).default(100), after: BoardCursor.optional() }),
    z.object({ events: z.array(BoardEvent), next: BoardCursor.nullable() }),
  ),
  /**
   * The board's events as CSV for Dutch Excel (made by PostgreSQL itself) or as XLSX, recorded in
   * this PC's ledger as `export_made` with its board scope. The main process asks where to save
   * it and the core streams into that file: a board's millions never cross to the screen. The
   * answer names the file, not its folder (a path may hold the user's name).
   */
  boardExport: method(
    'office',
    z.strictObject({ filter: BoardFilter, format: z.enum(['csv', 'xlsx', 'pdf']).default('csv'), language: z.enum(['nl', 'en']).default('nl') }),
    z.discriminatedUnion('saved', [
      z.object({ saved: z.literal(false) }),
      z.object({ saved: z.literal(true), fileName: z.string(), rows: z.number().int(), sha256: z.string() }),
    ]),
  ),
  /**
   * The chain-of-custody report (PDF) of one kiosk's device or incident from the central database,
   * made against that kiosk's newest witnessed checkpoint, ids instead of names. Small, so it
   * crosses as base64 like the kiosk's own report; recorded here as `export_made` (board scope).
   */
  boardCustodyReport: method(
    'office',
    z.strictObject({
      kioskId: z.string().min(1).max(100),
      scope: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('device'), deviceId: z.string().min(1).max(100) }),
        z.strictObject({ kind: z.literal('incident'), seq: z.number().int().min(1) }),
      ]),
      language: z.enum(['nl', 'en']).default('nl'),
    }),
    z.object({
      fileName: z.string(),
      base64: z.base64(),
      pageCount: z.number().int(),
      events: z.number().int(),
      verified: z.boolean(),
      checkpoint: z.object({ treeSize: z.number().int(), note: z.string() }),
      sha256: z.string(),
    }),
  ),
  /** Offline kiosks' bundles (a folder from a USB stick), each checked and imported on its own. */
  boardImportBundles: method('office', z.strictObject({ files: z.array(BundleFile).min(1).max(200) }), z.object({ results: z.array(BundleImportOutcome) })),
};
