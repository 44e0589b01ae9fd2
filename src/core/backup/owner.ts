import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { listBackups } from './folder';
import { dbNameOf, type BackupOwner } from './naming';
import { kioskIdOfFile } from './readOnlyFile';

/**
 * Whose backups can stand in for the database at `dbPath`, which may be damaged. Its own identity
 * is asked first. When that cannot be read (the file is gone, or damaged where the identity is),
 * the kiosk is worked out from what is left, and only when the answer is unambiguous:
 * - the kiosk ids in the backup names of this database name, plus the identities inside the old,
 *   unnamed backups, are the candidates;
 * - a candidate whose id still appears in the damaged file's bytes (every ledger event carries
 *   it) is the one, if exactly one does;
 * - when no candidate appears (the file is gone or wiped), the backups named for this database
 *   are the evidence, if they all belong to one kiosk.
 * Otherwise null: guessing could put another kiosk's data in place, so it is left to IT.
 */
export function recoveryOwner(dbPath: string, dir: string): BackupOwner | null {
  const dbName = dbNameOf(dbPath);
  const live = kioskIdOfFile(dbPath);
  if (live !== null) return { dbName, kioskId: live };

  const files = listBackups(dir);
  const named = new Set(files.flatMap((f) => (f.owner?.dbName === dbName ? [f.owner.kioskId] : [])));
  const unnamed = files.flatMap((f) => {
    const id = f.owner === null ? kioskIdOfFile(join(dir, f.name)) : null;
    return id === null ? [] : [id];
  });
  const traces = new Set([...named, ...unnamed].filter((id) => mentions(dbPath, id) || mentions(`${dbPath}-wal`, id)));
  const kioskId = only(traces) ?? only(new Set([...traces].filter((id) => named.has(id)))) ?? (traces.size === 0 ? only(named) : null);
  return kioskId === null ? null : { dbName, kioskId };
}

function only(ids: ReadonlySet<string>): string | null {
  return ids.size === 1 ? ([...ids][0] ?? null) : null;
}

/** Whether the file's bytes contain `text`, read in chunks so a large database is not loaded whole. */
function mentions(path: string, text: string): boolean {
  if (!existsSync(path)) return false;
  const needle = Buffer.from(text, 'utf8');
  const chunk = Buffer.alloc((1 << 20) + needle.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    let carried = 0;
    for (;;) {
      const read = readSync(fd, chunk, carried, chunk.length - carried, null);
      if (read === 0) return false;
      const filled = carried + read;
      if (chunk.subarray(0, filled).includes(needle)) return true;
      // Keep the tail, so a match split across two reads is still found.
      carried = Math.min(needle.length - 1, filled);
      chunk.copy(chunk, 0, filled - carried, filled);
    }
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
