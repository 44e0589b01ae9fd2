import { basename } from 'node:path';

/**
 * Whose backup a file is: the database file it was made from (its base name, so `a.db` and
 * `b.db` in one folder never share backups) and the kiosk that database belongs to (so two
 * kiosks' copies of `inleverpunt.db` never share backups either).
 */
export interface BackupOwner {
  dbName: string;
  kioskId: string;
}

/** A file in a backups folder and when it was taken (from its name, so a copied folder keeps its history). */
export interface BackupFile {
  name: string;
  takenAt: Date;
  /** From the name; null for the old names (`inleverpunt-<time>.db`), which do not say. */
  owner: BackupOwner | null;
}

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const TIME = '(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z';
// The kiosk id and the time have a fixed shape at the end, so a database name with dashes in it
// (`school-a.db`) still splits in exactly one way.
const NAME = new RegExp(`^(.+)-(${UUID})-${TIME}\\.db$`);
const OLD_NAME = new RegExp(`^inleverpunt-${TIME}\\.db$`);

/** `inleverpunt.db` → `inleverpunt`; a file not ending in `.db` keeps its whole name. */
export function dbNameOf(dbPath: string): string {
  const name = basename(dbPath);
  return /.\.db$/i.test(name) ? name.slice(0, -3) : name;
}

/** `<db name>-<kiosk id>-<UTC time>.db`, e.g. `inleverpunt-6f1c…9abc-20251015T063000Z.db`. */
export function backupFileName(owner: BackupOwner, at: Date): string {
  if (!new RegExp(`^${UUID}$`).test(owner.kioskId)) throw new Error('a kiosk id is a lower-case UUID');
  const iso = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `${owner.dbName}-${owner.kioskId}-${iso}.db`;
}

export function parseBackupFileName(name: string): BackupFile | null {
  const m = NAME.exec(name);
  if (m) {
    const takenAt = timeOf(m.slice(3));
    return takenAt && { name, takenAt, owner: { dbName: m[1]!, kioskId: m[2]! } };
  }
  const old = OLD_NAME.exec(name);
  const takenAt = old && timeOf(old.slice(1));
  return takenAt ? { name, takenAt, owner: null } : null;
}

export function namedFor(file: BackupFile, owner: BackupOwner): boolean {
  return file.owner !== null && file.owner.dbName === owner.dbName && file.owner.kioskId === owner.kioskId;
}

function timeOf(parts: string[]): Date | null {
  const [y, mo, d, h, mi, s] = parts.map(Number) as [number, number, number, number, number, number];
  const at = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Date.UTC rolls month 13 over into the next year: such a name is not one of ours.
  const exact = at.getUTCMonth() === mo - 1 && at.getUTCDate() === d && at.getUTCHours() === h;
  return Number.isNaN(at.getTime()) || !exact ? null : at;
}
