import { checkCosignature, parseCosignerKey } from './cosignature';
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
