import type { CustodyOutcome } from '../../shared/contract';
import { canonicalizeScan } from '../../shared/scan/canonical';
import type { Actor } from '../ledger/events';
import { writeTransaction, type ServiceContext } from './context';
import { handInDevice } from './custody/handIn';
import { insertDevice, type DeviceKind } from './devices';
import { insertTag } from './tags';
import { requireRole } from './staff';
import { getPupil } from './pupils';
import { readSettings } from '../settings/store';
import { AppError } from '../../shared/errors';

export interface EnrolInput {
  /** The unknown code the pupil just scanned at the door. */
  code: string;
  /** How the code was read: an NFC reader's UID becomes an NFC tag (default: a sticker). */
  tagKind?: 'device_sticker' | 'nfc';
  pupilId: string;
  kind: DeviceKind;
  description: string;
  /** The teacher who typed their PIN for this. */
  actor: Actor;
  /** The teacher on duty, who holds what is handed in (see handIn). */
  dutyStaffId?: string;
}

/**
 * A pupil scanned a sticker the kiosk does not know; the teacher enrols it on the spot. The
 * device is registered, the scanned code becomes its tag, and the device is handed in — in one
 * transaction: if any part is refused (the code is someone else's, the pupil left) nothing of it
 * is stored. A teacher may do this at the door; registering devices otherwise is the office's.
 */
export function enrolAtDoor(ctx: ServiceContext, input: EnrolInput): CustodyOutcome {
  const canonical = canonicalizeScan(input.code);
  return writeTransaction(ctx, () => {
    requireRole(ctx, input.actor, ['teacher', 'admin']);
    // The door offers only its own groups' pupils; the core holds to that whatever the page sends.
    const { groups } = readSettings(ctx.db);
    const pupil = getPupil(ctx, input.pupilId);
    if (pupil && groups.length > 0 && !groups.includes(pupil.groep)) throw new AppError('PUPIL_NOT_AT_THIS_KIOSK', { groups });
    const device = insertDevice(ctx, { ownerPupilId: input.pupilId, kind: input.kind, description: input.description }, input.actor);
    const tag = insertTag(ctx, { kind: input.tagKind ?? 'device_sticker', raw: input.code, canonical, deviceId: device.deviceId }, input.actor);
    return handInDevice(ctx, device, {
      actor: input.actor,
      via: { tagId: tag.tagId, kind: tag.kind },
      ...(input.dutyStaffId ? { dutyStaffId: input.dutyStaffId } : {}),
    });
  });
}
