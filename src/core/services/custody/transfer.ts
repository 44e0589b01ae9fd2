import type { CustodyOutcome } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { custodian } from '../../ledger/events';
import { readCustody } from '../../ledger/projection';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { requireDevice } from '../devices';
import { requireLocation } from '../locations';
import { requireStaff } from '../staff';
import { outcome, requireActor, text } from './common';

/** To a colleague, or to a place: the office safe, the school leader, a locker. */
export type TransferTarget = { staffId: string } | { locationId: string };

export interface TransferInput {
  deviceId: string;
  actor: string;
  to: TransferTarget;
  note?: string;
}

/** Moves custody of a held device; an open confiscation stays open. */
export function transfer(ctx: ServiceContext, input: TransferInput): CustodyOutcome {
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: false });
    const device = requireDevice(ctx, input.deviceId);
    const current = readCustody(ctx.db, device.deviceId);
    if (!current?.held) throw new AppError('NOT_IN_CUSTODY');
    let target: { custodian: string; locationId: string | null; kind: 'staff' | 'location' };
    if ('staffId' in input.to) {
      const to = requireStaff(ctx, input.to.staffId);
      target = { custodian: custodian.staff(to.staffId), locationId: null, kind: 'staff' };
    } else {
      const to = requireLocation(ctx, input.to.locationId);
      target = { custodian: custodian.location(to.locationId), locationId: to.locationId, kind: 'location' };
    }
    const note = text(input.note);
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'transferred',
      actor: input.actor,
      custodian: target.custodian,
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      locationId: target.locationId,
      details: { to: target.kind },
      payload: note ? { note } : null,
    });
    return outcome(ctx, event, device, false);
  });
}
