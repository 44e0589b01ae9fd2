import type { CustodyOutcome } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { custodian } from '../../ledger/events';
import { readCustody } from '../../ledger/projection';
import { assertWritable, ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { requireDevice } from '../devices';
import { requireLocation } from '../locations';
import { verifyPin } from '../pinLogin';
import { outcome, requireActor, text } from './common';

export interface ConfiscateInput {
  deviceId: string;
  actor: string;
  /** The protocol's article or sanction code (non-personal, e.g. "B.3"). */
  article?: string;
  /** Why, in the teacher's words: personal, so it lives in the redactable payload. */
  reason: string;
  witnessStaffId: string;
  witnessPin: string;
  sealedBagNumber?: string;
  /** Where it is kept (the office safe); otherwise with the confiscating teacher. */
  locationId?: string;
}

/**
 * Takes a device into custody as a sanction (*in beslag nemen*): a reason, a second staff member
 * as witness who confirms with their own PIN, optionally a sealed-bag number. Works whether or
 * not the device was already handed in; it then goes back only to a guardian.
 */
export function confiscate(ctx: ServiceContext, input: ConfiscateInput): CustodyOutcome {
  assertWritable(ctx);
  const reason = text(input.reason);
  if (!reason) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  const actor = requireActor(ctx, input.actor, { pupilAllowed: false });
  if (!actor || input.witnessStaffId === actor.staffId) throw new AppError('WITNESS_REQUIRED');
  // Before the write transaction: a wrong witness PIN must still count towards the lockout.
  verifyPin(ctx, input.witnessStaffId, input.witnessPin);
  return writeTransaction(ctx, () => {
    const device = requireDevice(ctx, input.deviceId);
    const current = readCustody(ctx.db, device.deviceId);
    if (current?.held && current.confiscatedSeq !== null) {
      throw new AppError('ALREADY_CONFISCATED', { confiscatedSeq: current.confiscatedSeq });
    }
    const location = input.locationId ? requireLocation(ctx, input.locationId) : null;
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'confiscated',
      actor: actor.staffId,
      custodian: location ? custodian.location(location.locationId) : custodian.staff(actor.staffId),
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      locationId: location?.locationId ?? null,
      details: {
        witnessStaffId: input.witnessStaffId,
        article: text(input.article),
        sealedBagNumber: text(input.sealedBagNumber),
      },
      payload: { reason },
    });
    return outcome(ctx, event, device, false);
  });
}
