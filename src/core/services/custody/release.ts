import type { CustodyOutcome } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { storeMedia, type MediaImage } from '../../ledger/media';
import { custodian } from '../../ledger/events';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { deviceForStaffStep, outcome, text } from './common';
import { checkedImage } from './media';

export interface ReleaseInput {
  deviceId: string;
  actor: string;
  guardianName: string;
  /** SHA-256 (hex) of the signature drawn on the touch screen; in the payload, beside the name it signs. */
  signatureImageHash?: string;
  /** The drawn signature itself, kept beside the ledger with the event; its SHA-256 must be `signatureImageHash`. */
  signature?: MediaImage;
  note?: string;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Hands a held device (typically a confiscated one) to a named parent or guardian. */
export function releaseToGuardian(ctx: ServiceContext, input: ReleaseInput): CustodyOutcome {
  const guardianName = text(input.guardianName);
  if (!guardianName) throw new AppError('INVALID_ARGUMENT', { field: 'guardianName' });
  if (input.signatureImageHash !== undefined && !SHA256_HEX.test(input.signatureImageHash)) {
    throw new AppError('INVALID_ARGUMENT', { field: 'signatureImageHash' });
  }
  const signature = checkedImage(input.signature, input.signatureImageHash, { field: 'signature', hashField: 'signatureImageHash' });
  return writeTransaction(ctx, () => {
    const { device, current } = deviceForStaffStep(ctx, input, { held: true });
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'released_to_guardian',
      actor: input.actor,
      custodian: custodian.guardian,
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      details: { confiscatedSeq: current.confiscatedSeq ?? undefined, signed: input.signatureImageHash !== undefined },
      payload: { guardianName, signatureImageHash: input.signatureImageHash, note: text(input.note) },
    });
    // Erasing the guardian's name erases their signature with it.
    if (signature) storeMedia(ledgerWriter(ctx), event, signature.image, signature.sha256);
    return outcome(ctx, event, device, false);
  });
}
