import { checkCosignature, legacyNoteVerifier, parseCosignerKey } from './cosignature';
import type { NoteVerifier } from './signedNote';
import type { BundleReason } from './bundleReasons';

export type BundleWitnessCheck = { ok: true; witness: string; time: number | null } | { ok: false; reason: BundleReason };

/**
 * The optional witness step of verify-bundle: the bundle's checkpoint must carry a cosignature of
 * the witness whose vkey the reader holds (cosignature/v1, or the witness's older plain line).
 * `now` (POSIX seconds) refuses a cosignature dated after the reader's clock.
 */
export function checkBundleWitness(checkpointNote: string, witnessKey: string, now?: number): BundleWitnessCheck {
  let witness;
  try {
    witness = parseCosignerKey(witnessKey);
  } catch {
    return { ok: false, reason: 'witness_key_invalid' };
  }
  const check = checkCosignature(checkpointNote, witness, { legacy: true, ...(now === undefined ? {} : { now }) });
  if (check.ok) return { ok: true, witness: witness.name, time: check.time };
  const reasons = { missing: 'no_cosignature', bad_signature: 'bad_cosignature', malformed: 'bad_cosignature', future: 'cosignature_future' } as const;
  return { ok: false, reason: reasons[check.reason] };
}

/**
 * The witness's key as the plain signed-note key (0x01) of the same name that seals a bundle the
 * central database rebuilt, from the reader's cosigner vkey (0x04); null if that vkey is not valid.
 * The seal's text starts with the seal format, never a log's origin, so it cannot pass for a
 * cosignature of a checkpoint (nor the other way round).
 */
export function witnessSealVerifier(witnessKey: string): NoteVerifier | null {
  try {
    return legacyNoteVerifier(parseCosignerKey(witnessKey));
  } catch {
    return null;
  }
}
