import { generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Db } from '../db/open';

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
 * that signs its exports.
 */
export function ensureKioskIdentity(db: Db, now: Date = new Date()): KioskIdentity {
  const existing = readIdentity(db);
  if (existing) return existing;
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const kioskId = randomUUID();
  db.prepare(
    `INSERT INTO kiosk (singleton, kiosk_id, name, school, public_key, private_key, created_at)
     VALUES (1, ?, ?, '', ?, ?, ?) ON CONFLICT (singleton) DO NOTHING`,
  ).run(
    kioskId,
    `Inleverpunt ${kioskId.slice(0, 4).toUpperCase()}`,
    publicKey.export({ type: 'spki', format: 'der' }),
    privateKey.export({ type: 'pkcs8', format: 'der' }),
    now.toISOString(),
  );
  const created = readIdentity(db);
  if (!created) throw new Error('kiosk identity was not stored');
  return created;
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
