import { createPublicKey } from 'node:crypto';
import type { Db } from '../db/open';
import { kioskOrigin } from '../evidence/checkpoint';
import { ed25519Signer, ed25519Verifier, rawEd25519PublicKey, verifierKey, type NoteSigner, type NoteVerifier } from '../evidence/signedNote';

interface KeyRow {
  kiosk_id: string;
  public_key: Buffer;
  private_key: Buffer;
}

const keys = (db: Db): KeyRow => {
  const row = db.prepare('SELECT kiosk_id, public_key, private_key FROM kiosk WHERE singleton = 1').get() as KeyRow | undefined;
  if (!row) throw new Error('kiosk identity missing');
  return row;
};

/** The kiosk's key as a signer of notes, under its origin as key name (tlog-checkpoint says so). */
export function kioskNoteSigner(db: Db): NoteSigner {
  const row = keys(db);
  return ed25519Signer(kioskOrigin(row.kiosk_id), row.private_key);
}

export function kioskNoteVerifier(db: Db): NoteVerifier {
  const row = keys(db);
  return ed25519Verifier(kioskOrigin(row.kiosk_id), rawEd25519PublicKey(createPublicKey({ key: row.public_key, format: 'der', type: 'spki' })));
}

/** The kiosk's verifier key (`name+id+key`): what the office, a witness or `note` verify with. */
export function kioskVerifierKey(db: Db): string {
  const row = keys(db);
  return verifierKey(kioskOrigin(row.kiosk_id), rawEd25519PublicKey(createPublicKey({ key: row.public_key, format: 'der', type: 'spki' })));
}
