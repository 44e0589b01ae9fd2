import type { CustodyOutcome } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { custodian, type Actor } from '../../ledger/events';
import { readCustody } from '../../ledger/projection';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { requireDevice, type Device } from '../devices';
import type { TagKind } from '../tags';
import { outcome, requireActor, requireEvent, withinRepeatWindow } from './common';

export interface ReturnInput {
  deviceId: string;
  actor: Actor;
  via?: { tagId: string; kind: TagKind };
}

/**
 * Gives a held device back to its pupil. Only a held device can be returned; a confiscated one
 * goes back only to a parent or guardian (releaseToGuardian). A return scanned twice within 60 s
 * is acknowledged with the first return.
 */
export function returnDevice(ctx: ServiceContext, input: ReturnInput): CustodyOutcome {
  return writeTransaction(ctx, () => returnTheDevice(ctx, requireDevice(ctx, input.deviceId), input));
}

/** The return itself, for a caller that has already read the device (a scan). */
export function returnTheDevice(ctx: ServiceContext, device: Device, input: Omit<ReturnInput, 'deviceId'>): CustodyOutcome {
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: true });
    const current = readCustody(ctx.db, device.deviceId);
    if (!current?.held) {
      if (current && current.custodian === custodian.pupil && withinRepeatWindow(ctx, current.since)) {
        return outcome(ctx, requireEvent(ctx, current.lastSeq), device, true, 'door');
      }
      throw new AppError('NOT_IN_CUSTODY');
    }
    if (current.confiscatedSeq !== null) throw new AppError('CONFISCATED', { confiscatedSeq: current.confiscatedSeq });
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'returned',
      actor: input.actor,
      custodian: custodian.pupil,
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      // Where it was taken from: the chain of custody shows the pouch, the door card says "vak 12".
      locationId: current.locationId,
      pouchId: current.pouchId,
      details: input.via ? { tagId: input.via.tagId, via: input.via.kind } : { via: 'manual' },
    }, { custodyBefore: { row: current } });
    return outcome(ctx, event, device, false, 'door');
  });
}
