import { randomBytes } from 'node:crypto';
import type { ClientBase } from 'pg';
import { kioskOrigin } from '../evidence/checkpoint';
import { verifierKey } from '../evidence/signedNote';

export interface KioskRegistration {
  kioskId: string;
  /** The 32 raw bytes of the kiosk's Ed25519 public key. */
  publicKey: Buffer;
  school: string;
  name: string;
}

export interface RegisteredKiosk {
  kioskId: string;
  role: string;
  /** New credentials for the kiosk's role: shown once, to put in the kiosk's roll-out config. */
  password: string;
}

export class KioskKeyMismatch extends Error {
  constructor() {
    super('central: this kiosk id is registered with another public key');
    this.name = 'KioskKeyMismatch';
  }
}

/** The login role of one kiosk: derived from its id, so it is the same in every central database. */
export function kioskRole(kioskId: string): string {
  return `ilp_kiosk_${kioskId.toLowerCase().replace(/[^a-z0-9]/g, '')}`.slice(0, 63);
}

/**
 * Registers a kiosk (its key and the role that may append its chain) and gives that role a fresh
 * password; registering again only renews the password. Needs a role that may create roles (the
 * central database's owner). The kiosk's key never changes under the same id: that would let
 * checkpoints signed by another key pass as the kiosk's.
 */
export async function registerKiosk(admin: ClientBase, kiosk: KioskRegistration): Promise<RegisteredKiosk> {
  const role = kioskRole(kiosk.kioskId);
  const password = randomBytes(24).toString('base64url');
  await admin.query('BEGIN');
  try {
    const existing = await admin.query<{ public_key: Buffer }>('SELECT public_key FROM central.kiosks WHERE kiosk_id = $1', [kiosk.kioskId]);
    const stored = existing.rows[0];
    if (stored && !stored.public_key.equals(kiosk.publicKey)) throw new KioskKeyMismatch();
    const exists = await admin.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
    const ident = admin.escapeIdentifier(role);
    const secret = admin.escapeLiteral(password);
    await admin.query(
      exists.rowCount
        ? `ALTER ROLE ${ident} WITH LOGIN PASSWORD ${secret}`
        : `CREATE ROLE ${ident} WITH LOGIN PASSWORD ${secret} IN ROLE inleverpunt_kiosk`,
    );
    if (!stored) {
      await admin.query(
        'INSERT INTO central.kiosks (kiosk_id, school, name, public_key, verifier_key, db_role) VALUES ($1, $2, $3, $4, $5, $6)',
        [kiosk.kioskId, kiosk.school, kiosk.name, kiosk.publicKey, verifierKey(kioskOrigin(kiosk.kioskId), kiosk.publicKey), role],
      );
    }
    await admin.query('COMMIT');
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
  return { kioskId: kiosk.kioskId, role, password };
}

export interface CentralKiosk {
  kioskId: string;
  school: string;
  name: string;
  publicKey: Buffer;
  verifierKey: string;
}

export async function centralKiosks(client: ClientBase): Promise<CentralKiosk[]> {
  const r = await client.query<{ kiosk_id: string; school: string; name: string; public_key: Buffer; verifier_key: string }>(
    'SELECT kiosk_id, school, name, public_key, verifier_key FROM central.kiosks ORDER BY school, name, kiosk_id',
  );
  return r.rows.map((k) => ({ kioskId: k.kiosk_id, school: k.school, name: k.name, publicKey: k.public_key, verifierKey: k.verifier_key }));
}
