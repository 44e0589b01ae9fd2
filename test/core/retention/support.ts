import { existsSync, readFileSync } from 'node:fs';
import type { Db } from '../../../src/core/db/open';

/** The raw bytes of the database file and its WAL, as anyone copying them off the PC would see them. */
export function rawBytes(dbPath: string): { file: Buffer; wal: Buffer } {
  const wal = `${dbPath}-wal`;
  return { file: readFileSync(dbPath), wal: existsSync(wal) ? readFileSync(wal) : Buffer.alloc(0) };
}

/** Where a text is found in the raw bytes (file, WAL), as UTF-8: an empty list means nowhere. */
export function foundIn(dbPath: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  const { file, wal } = rawBytes(dbPath);
  return [...(file.includes(needle) ? ['file'] : []), ...(wal.includes(needle) ? ['wal'] : [])];
}

/** The file's free pages (what VACUUM leaves none of), read from SQLite itself. */
export const freePages = (db: Db): number => db.pragma('freelist_count', { simple: true }) as number;

/** Copies what is only in the WAL into the file, so "found in the file" before a purge means stored. */
export const checkpoint = (db: Db): void => void db.pragma('wal_checkpoint(TRUNCATE)');
