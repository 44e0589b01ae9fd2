import type { CustodyOutcome, EventSummary } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { LedgerEvent } from '../../ledger/events';
import { PUPIL_ACTOR, type Actor } from '../../ledger/events';
import { getEvent } from '../../ledger/rows';
import type { ServiceContext } from '../context';
import { requireDevice, type Device } from '../devices';
import { readCustody, type CustodyRow } from '../../ledger/projection';
import { getPouch, type Pouch } from '../locations';
import { getPupilForCard } from '../pupils';
import { displayName, surnameInitial } from '../../../shared/pupilOrder';
import { readPrivacyDisplay } from '../../settings/store';
import { requireStaff, type StaffSummary } from '../staff';

/** A scan repeated within this window is acknowledged with the first event, not recorded twice. */
export const REPEAT_WINDOW_MS = 60_000;

/** An event as the screen and the CLI see it: hashes in hex, no payload. */
export function summarizeEvent(e: LedgerEvent): EventSummary {
  return {
    seq: e.seq,
    eventId: e.eventId,
    type: e.type,
    occurredAt: e.occurredAt,
    actor: e.actor,
    custodian: e.custodian,
    deviceId: e.deviceId,
    pupilId: e.pupilId,
    locationId: e.locationId,
    pouchId: e.pouchId,
    voidsSeq: e.voidsSeq,
    hash: e.hash.toString('hex'),
  };
}

/**
 * What a screen shows after a custody call: first name (not the full name), device, pouch. For
 * the door's calls (`audience: 'door'`: hand-in and return, scanned or not) the school's "pouch
 * number only" setting leaves the first name out here, at the source, not only hidden by the
 * screen: the door needs no name to do its work. Staff screens (a release receipt) keep it.
 */
export function outcome(
  ctx: ServiceContext,
  event: LedgerEvent,
  device: Device,
  repeat: boolean,
  audience: 'door' | 'staff' = 'staff',
  /** The event's pouch when the caller has it already (a hand-in just looked it up). */
  knownPouch?: Pouch,
): CustodyOutcome {
  const pupil = getPupilForCard(ctx, device.ownerPupilId);
  const nameHidden = audience === 'door' && readPrivacyDisplay(ctx.db) === 'pouch-only';
  const roepnaam = pupil && !nameHidden ? pupil.roepnaam : null;
  const pouch: Pouch | undefined =
    event.pouchId === null ? undefined : knownPouch?.pouchId === event.pouchId ? knownPouch : getPouch(ctx, event.pouchId);
  return {
    event: summarizeEvent(event),
    repeat,
    device: { deviceId: device.deviceId, kind: device.kind, description: device.description },
    pupil: pupil
      ? {
          pupilId: pupil.pupilId,
          roepnaam,
          surnameInitial: roepnaam !== null && pupil.firstNameShared ? surnameInitial(pupil) : null,
          fullName: audience === 'staff' ? displayName(pupil) : null,
          groep: pupil.groep,
        }
      : null,
    pouch: pouch ? { pouchId: pouch.pouchId, number: pouch.number, locationName: pouch.locationName } : null,
  };
}

export function requireEvent(ctx: ServiceContext, seq: number): LedgerEvent {
  const event = getEvent(ctx.db, seq, ctx.kioskId);
  if (!event) throw new AppError('UNKNOWN_EVENT');
  return event;
}

/** The pupil at the door may hand in and return; everything else needs an active staff member. */
export function requireActor(ctx: ServiceContext, actor: Actor, options: { pupilAllowed: boolean }): StaffSummary | null {
  if (actor === PUPIL_ACTOR) {
    if (!options.pupilAllowed) throw new AppError('NOT_AUTHORISED');
    return null;
  }
  return requireStaff(ctx, actor);
}

/** Free text is optional everywhere; empty means absent, and it goes to the payload only. */
export function text(value: string | undefined | null): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** Symmetric, so a clock nudged back a few seconds by time sync does not turn a repeat into an error. */
export function withinRepeatWindow(ctx: ServiceContext, isoTime: string): boolean {
  return Math.abs(ctx.now().getTime() - Date.parse(isoTime)) < REPEAT_WINDOW_MS;
}

/**
 * A staff member's step on one device, inside the caller's transaction: the actor checked, the
 * device and its custody row read. `held` refuses with NOT_IN_CUSTODY when the school does not
 * hold the device now (a transfer, a release, keeping it overnight); a note may be about a
 * device at home too.
 */
export function deviceForStaffStep(
  ctx: ServiceContext,
  input: { actor: Actor; deviceId: string },
  options: { held: true; pupilAllowed?: boolean },
): { device: Device; current: CustodyRow };
export function deviceForStaffStep(
  ctx: ServiceContext,
  input: { actor: Actor; deviceId: string },
  options: { held: false; pupilAllowed?: boolean },
): { device: Device; current: CustodyRow | undefined };
export function deviceForStaffStep(
  ctx: ServiceContext,
  input: { actor: Actor; deviceId: string },
  options: { held: boolean; pupilAllowed?: boolean },
): { device: Device; current: CustodyRow | undefined } {
  requireActor(ctx, input.actor, { pupilAllowed: options.pupilAllowed ?? false });
  const device = requireDevice(ctx, input.deviceId);
  const current = readCustody(ctx.db, device.deviceId);
  if (options.held && !current?.held) throw new AppError('NOT_IN_CUSTODY');
  return { device, current };
}
