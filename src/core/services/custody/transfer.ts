import type { CustodyOutcome } from '../../../shared/contract';
import { appendEvent } from '../../ledger/append';
import { custodian } from '../../ledger/events';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { requireLocation } from '../locations';
import { requireStaff } from '../staff';
import { deviceForStaffStep, outcome, text } from './common';

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
    const { device } = deviceForStaffStep(ctx, input, { held: true });
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
