import { existsSync, statSync } from 'node:fs';
import { AppError } from '../shared/errors';
import { openDatabase, type Db } from './db/open';
import { ensureKioskIdentity, readIdentity, readSigningKey, type KioskIdentity } from './kiosk/identity';
import type { KeyProtection } from './kiosk/keyProtection';
import { kioskNoteVerifier } from './kiosk/signer';
import { kioskOrigin } from './evidence/checkpoint';
import type { KeyObject } from 'node:crypto';
import { INTEGRITY_CHECK_AT_START_BELOW_BYTES, needsQuickCheck, startupCheck, type StartupCheck, type StartupProblem } from './ledger/checkpoint';
import type { RegistryCheck } from './registry/check';
import { registryAtStart } from './registry/startup';
import { createServices, type Services } from './services';
import { createKioskHealth, type KioskHealth } from './health/kioskHealth';
import type { ScryptCost } from './services/pin';

export interface CoreOptions {
  dbPath: string;
  appVersion: string;
  /** The clock every service uses; tests pass a fake one. */
  now?: () => Date;
  /** A cheaper PIN hash for tests; the product uses the default. */
  pinCost?: ScryptCost;
  /**
   * The OS key store (Electron's safeStorage) that seals the signing key. Without it (the CLI)
   * a sealed key stays sealed: verifying works, signing says KEY_PROTECTED.
   */
  keyProtection?: KeyProtection;
}

/** The ledger's start-up check, then the registry's (null when the ledger's failed first). */
export interface CoreStartup extends StartupCheck {
  registry: RegistryCheck | null;
}

export interface Core {
  readonly db: Db;
  readonly appVersion: string;
  kiosk(): KioskIdentity;
  /** Null when writing is allowed; otherwise why the app refuses to write (from the start, or found later). */
  readonly problem: StartupProblem | null;
  /** What went wrong after the start: the disk refusing writes, a failed backup or daily check. */
  readonly health: KioskHealth;
  /**
   * A check after the start (the daily check, a backup's check of its copy) found the ledger or the
   * database bad: from now on the kiosk refuses writes, as if the start-up check had failed.
   */
  refuseWrites(problem: StartupProblem): void;
  /** What the start-up check found (quick_check, the chain since the last checkpoint, the registry). */
  readonly startup: CoreStartup;
  readonly services: Services;
  /** The kiosk's Ed25519 private key, opened with the key store this core was given. */
  signingKey(): KeyObject;
  close(): void;
}

/**
 * Opens the database, applies migrations, makes sure the kiosk has an identity, and checks the
 * database, the ledger and the registry (tags, owners, pouches, roles against their events)
 * before anything is written. A failed check does not stop the app: it
 * opens read-only in spirit (every write service refuses with DB_READ_ONLY) so staff can still
 * look, export and restore a backup.
 */
export function openCore(options: CoreOptions): Core {
  // Looked at before opening: opening creates the -wal file of this session.
  const file = fileState(options.dbPath);
  const quickCheck = needsQuickCheck(file);
  const integrityCheck = file.sizeBytes < INTEGRITY_CHECK_AT_START_BELOW_BYTES;
  const db = openDatabase(options.dbPath);
  const now = options.now ?? (() => new Date());
  const identity = ensureKioskIdentity(db, now(), options.keyProtection);
  const ledger = startupCheck(db, now(), {
    quickCheck,
    integrityCheck,
    signed: { origin: kioskOrigin(identity.kioskId), verifier: kioskNoteVerifier(db) },
  });
  const registry = ledger.problem === null ? registryAtStart({ db, kioskId: identity.kioskId, now }) : null;
  let problem: StartupProblem | null =
    ledger.problem ?? (registry?.unreadable ? 'DB_CORRUPT' : registry?.check?.status === 'mismatch' ? 'REGISTRY_MISMATCH' : null);
  const startup: CoreStartup = { ...ledger, problem, registry: registry?.check ?? null };
  const health = createKioskHealth(db, now);
  const services = createServices({
    db,
    kioskId: identity.kioskId,
    now,
    problem: () => problem,
    health,
    signingKey: () => readSigningKey(db, options.keyProtection),
    ...(options.pinCost ? { pinCost: options.pinCost } : {}),
  });
  return {
    db,
    appVersion: options.appVersion,
    get problem() {
      return problem;
    },
    health,
    refuseWrites(found) {
      problem ??= found;
    },
    startup,
    services,
    kiosk() {
      const current = readIdentity(db);
      if (!current) throw new AppError('DB_CORRUPT', { reason: 'kiosk identity missing' });
      return current;
    },
    signingKey: () => readSigningKey(db, options.keyProtection),
    close() {
      db.close();
    },
  };
}

function fileState(dbPath: string): { sizeBytes: number; walLeftOver: boolean } {
  if (dbPath === ':memory:' || !existsSync(dbPath)) return { sizeBytes: 0, walLeftOver: false };
  // SQLite deletes the -wal file when the last connection closes cleanly; an empty one (left by a
  // read-only reader, or truncated by a checkpoint) holds no unfinished writes either.
  const wal = `${dbPath}-wal`;
  return { sizeBytes: statSync(dbPath).size, walLeftOver: existsSync(wal) && statSync(wal).size > 0 };
}
