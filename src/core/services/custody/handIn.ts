import type { CustodyOutcome } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { appendEvent } from '../../ledger/append';
import { custodian, PUPIL_ACTOR, type Actor } from '../../ledger/events';
import { readCustody } from '../../ledger/projection';
import { ledgerWriter, writeTransaction, type ServiceContext } from '../context';
import { requireDevice, type Device } from '../devices';
import { defaultLocationId, getPouch, pouchOfPupil, type Pouch } from '../locations';
import type { TagKind } from '../tags';
import { keptWithExemption } from './exempt';
import { outcome, requireActor, requireEvent, withinRepeatWindow } from './common';

export interface HandInInput {
  deviceId: string;
  /** 'pupil' at the door, or the staff member doing it by hand. */
  actor: Actor;
  /** The tag that was scanned, if any (recorded as non-personal detail). */
  via?: { tagId: string; kind: TagKind };
  /** The pouch scanned or chosen; otherwise the pupil's own pouch, or the kiosk's default place. */
  pouchId?: string;
  /** The teacher on duty at this kiosk: they hold what is handed in while their session lasts. */
  dutyStaffId?: string;
}

/**
 * Records that the school now holds the device. A device is handed in once until it is returned:
 * the same hand-in repeated within 60 s (a pupil scanning twice) is acknowledged with the
 * original event and writes nothing; later it is ALREADY_IN_CUSTODY.
 */
export function handIn(ctx: ServiceContext, input: HandInInput): CustodyOutcome {
  return writeTransaction(ctx, () => {
    requireActor(ctx, input.actor, { pupilAllowed: true });
    const device = requireDevice(ctx, input.deviceId);
    // The pupil chose this device at the door (a card with several): an exempted one stays with them.
    // A teacher's hand-in by hand is the teacher's decision and is recorded as one.
    if (input.actor === PUPIL_ACTOR) {
      const exempted = keptWithExemption(ctx, device, { actor: input.actor, mode: 'hand-in' });
      if (exempted) return exempted;
    }
    return handInDevice(ctx, device, input);
  });
}

/**
 * The hand-in itself, for a caller that has already read the device and perhaps the pouch (a
 * scan of a pouch tag): each row is read once per scan. Without a pouch, the pupil's own is used.
 */
export function handInDevice(
  ctx: ServiceContext,
  device: Device,
  input: Omit<HandInInput, 'deviceId'> & { pouch?: Pouch },
): CustodyOutcome {
  return writeTransaction(ctx, () => {
    const staff = requireActor(ctx, input.actor, { pupilAllowed: true });
    const current = readCustody(ctx.db, device.deviceId);
    if (current?.held) {
      if (current.lastSeq === current.handedInSeq && withinRepeatWindow(ctx, current.since)) {
        return outcome(ctx, requireEvent(ctx, current.lastSeq), device, true, 'door');
      }
      throw new AppError('ALREADY_IN_CUSTODY', { sinceSeq: current.lastSeq });
    }
    const pouch =
      input.pouch ?? (input.pouchId ? getPouch(ctx, input.pouchId) : pouchOfPupil(ctx, device.ownerPupilId));
    if (input.pouchId && !pouch) throw new AppError('INVALID_ARGUMENT', { field: 'pouchId' });
    const locationId = pouch?.locationId ?? defaultLocationId(ctx);
    const event = appendEvent(ledgerWriter(ctx), {
      type: 'handed_in',
      actor: input.actor,
      custodian: input.dutyStaffId
        ? custodian.staff(input.dutyStaffId)
        : locationId
          ? custodian.location(locationId)
          : staff
            ? custodian.staff(staff.staffId)
            : custodian.school,
      deviceId: device.deviceId,
      pupilId: device.ownerPupilId,
      locationId,
      pouchId: pouch?.pouchId ?? null,
      details: input.via ? { tagId: input.via.tagId, via: input.via.kind } : { via: 'manual' },
    }, { custodyBefore: { row: current } });
    return outcome(ctx, event, device, false, 'door', pouch);
  });
}
