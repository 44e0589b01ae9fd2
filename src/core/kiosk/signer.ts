import { createPublicKey } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { kioskOrigin } from '../evidence/checkpoint';
import { ed25519Signer, ed25519Verifier, rawEd25519PublicKey, verifierKey, type NoteSigner, type NoteVerifier } from '../evidence/signedNote';
import type { ServiceContext } from '../services/context';

/**
 * The kiosk's key as a signer of notes, under its origin as key name (tlog-checkpoint says so).
 * The private key comes from the core, which opens it from the OS key store; without it (the CLI
 * on a sealed key, a read-only context) nothing is signed in the kiosk's name: KEY_PROTECTED.
 */
export function kioskNoteSigner(ctx: Pick<ServiceContext, 'kioskId' | 'signingKey'>): NoteSigner {
  if (!ctx.signingKey) throw new AppError('KEY_PROTECTED');
  return ed25519Signer(kioskOrigin(ctx.kioskId), ctx.signingKey());
}

function rawPublicKey(db: Db): { kioskId: string; raw: Buffer } {
  const row = db.prepare('SELECT kiosk_id, public_key FROM kiosk WHERE singleton = 1').get() as
    | { kiosk_id: string; public_key: Buffer }
    | undefined;
  if (!row) throw new AppError('DB_CORRUPT', { reason: 'kiosk identity missing' });
  return { kioskId: row.kiosk_id, raw: rawEd25519PublicKey(createPublicKey({ key: row.public_key, format: 'der', type: 'spki' })) };
}

export function kioskNoteVerifier(db: Db): NoteVerifier {
  const { kioskId, raw } = rawPublicKey(db);
  return ed25519Verifier(kioskOrigin(kioskId), raw);
}

/** The kiosk's verifier key (`name+id+key`): what the office, a witness or `note` verify with. */
export function kioskVerifierKey(db: Db): string {
  const { kioskId, raw } = rawPublicKey(db);
  return verifierKey(kioskOrigin(kioskId), raw);
}
