import { createPrivateKey, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import type { Db } from '../db/open';
import { openStoredKey, parseStoredKey, sealKey, type KeyProtection } from './keyProtection';

export interface KioskIdentity {
  kioskId: string;
  name: string;
  school: string;
  /** Ed25519, SPKI DER: exported with every signed bundle so the office can check it. */
  publicKey: Buffer;
}

interface KioskRow {
  kiosk_id: string;
  name: string;
  school: string;
  public_key: Buffer;
}

/**
 * The kiosk's identity is made once, on the first start with an empty database: a stable id
 * (the ledger is keyed by kiosk id and sequence number when logs are combined) and the key pair
 * that signs its exports. With a key store at hand the private key is sealed before it is
 * written, so it is never in the file in clear; a key written in clear earlier is sealed then.
 */
export function ensureKioskIdentity(db: Db, now: Date = new Date(), protection?: KeyProtection): KioskIdentity {
  const existing = readIdentity(db);
  if (existing) {
    if (protection) sealStoredKey(db, protection);
    return existing;
  }
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kioskId = randomUUID();
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' });
  db.prepare(
    `INSERT INTO kiosk (singleton, kiosk_id, name, school, public_key, private_key, created_at)
     VALUES (1, ?, ?, '', ?, ?, ?) ON CONFLICT (singleton) DO NOTHING`,
  ).run(
    kioskId,
    `Inleverpunt ${kioskId.slice(0, 4).toUpperCase()}`,
    publicKey.export({ type: 'spki', format: 'der' }),
    protection ? sealKey(pkcs8, protection) : pkcs8,
    now.toISOString(),
  );
  const created = readIdentity(db);
  if (!created) throw new Error('kiosk identity was not stored');
  return created;
}

function storedKey(db: Db): Buffer {
  const row = db.prepare('SELECT private_key FROM kiosk WHERE singleton = 1').get() as { private_key: Buffer } | undefined;
  if (!row) throw new Error('kiosk identity missing');
  return row.private_key;
}

/** Whether the private key in the file is sealed (and by which scheme), or in clear. */
export function keyStatus(db: Db): { sealed: false } | { sealed: true; scheme: string } {
  const key = parseStoredKey(storedKey(db));
  return key.kind === 'clear' ? { sealed: false } : { sealed: true, scheme: key.scheme };
}

/**
 * Seals a key that is still in clear (a kiosk from before, or a start without a key store).
 * `secure_delete` zeroes the old bytes in the page, and the checkpoint moves the page into the
 * file and empties the WAL, so the clear key leaves the database file (not older backups).
 */
export function sealStoredKey(db: Db, protection: KeyProtection): boolean {
  const key = parseStoredKey(storedKey(db));
  if (key.kind !== 'clear') return false;
  const secureDelete = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    db.prepare('UPDATE kiosk SET private_key = ? WHERE singleton = 1').run(sealKey(key.pkcs8, protection));
  } finally {
    db.pragma(`secure_delete = ${secureDelete}`);
  }
  if (!db.inTransaction && db.pragma('journal_mode', { simple: true }) === 'wal') db.pragma('wal_checkpoint(TRUNCATE)');
  return true;
}

/** The private key for signing (KEY_PROTECTED when it is sealed and the store is not at hand). */
export function readSigningKey(db: Db, protection?: KeyProtection): KeyObject {
  return createPrivateKey({ key: openStoredKey(storedKey(db), protection), format: 'der', type: 'pkcs8' });
}

export function readIdentity(db: Db): KioskIdentity | undefined {
  const row = db.prepare('SELECT kiosk_id, name, school, public_key FROM kiosk WHERE singleton = 1').get() as
    | KioskRow
    | undefined;
  return row && { kioskId: row.kiosk_id, name: row.name, school: row.school, publicKey: row.public_key };
}

export function renameKiosk(db: Db, name: string, school?: string): void {
  db.prepare('UPDATE kiosk SET name = ?, school = coalesce(?, school) WHERE singleton = 1').run(name, school ?? null);
}
