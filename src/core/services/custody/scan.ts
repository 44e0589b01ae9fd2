import type { CustodyOutcome } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import { canonicalizeScan } from '../../../shared/scan/canonical';
import { prepared } from '../../db/statements';
import { writeTransaction, type ServiceContext } from '../context';
import { devicesOfPupil, requireDevice, type Device } from '../devices';
import { getPouch, type Pouch } from '../locations';
import { resolveTag, type Tag } from '../tags';
import { keptWithExemption } from './exempt';
import { handInDevice } from './handIn';
import { returnTheDevice } from './returnDevice';

export type ScanMode = 'hand-in' | 'return';

export interface ScanInput {
  /** What the reader delivered. */
  code: string;
  mode: ScanMode;
  /** 'pupil' at the door, or the staff member scanning. */
  actor: string;
  /** The teacher on duty, who holds what is handed in (see handIn). */
  dutyStaffId?: string;
}

/**
 * One scan at the door, as one transaction: canonicalise the code, find its tag, find the device
 * it means, hand it in or return it.
 *   - device sticker / NFC tag → that device;
 *   - pouch tag → hand-in: the device of the pupil the pouch belongs to; return: the device held
 *     in that pouch;
 *   - pupil card → the pupil's device.
 * When that leaves more than one device the screen must ask: CHOOSE_DEVICE, with the choices.
 */
export function scan(ctx: ServiceContext, input: ScanInput): CustodyOutcome {
  const canonical = canonicalizeScan(input.code);
  return writeTransaction(ctx, () => {
    const tag = resolveTag(ctx, canonical);
    const via = { tagId: tag.tagId, kind: tag.kind };
    const { device, pouch } = deviceFor(ctx, tag, input.mode);
    const exempted = keptWithExemption(ctx, device, { actor: input.actor, mode: input.mode, via });
    if (exempted) return exempted;
    return input.mode === 'hand-in'
      ? handInDevice(ctx, device, {
          actor: input.actor,
          via,
          ...(pouch ? { pouch } : {}),
          ...(input.dutyStaffId ? { dutyStaffId: input.dutyStaffId } : {}),
        })
      : returnTheDevice(ctx, device, { actor: input.actor, via });
  });
}

function deviceFor(ctx: ServiceContext, tag: Tag, mode: ScanMode): { device: Device; pouch?: Pouch } {
  if (tag.deviceId) return { device: requireDevice(ctx, tag.deviceId) };
  if (tag.pouchId) {
    const pouch = getPouch(ctx, tag.pouchId);
    if (!pouch) throw new AppError('UNKNOWN_TAG');
    if (mode === 'return') {
      const held = heldIn(ctx, pouch.pouchId);
      if (held.length > 0) return { device: pickOne(held) };
    }
    if (!pouch.pupilId) throw new AppError('NO_DEVICE');
    return { device: pickOne(devicesOfPupil(ctx, pouch.pupilId)), pouch };
  }
  if (tag.pupilId) {
    const devices = devicesOfPupil(ctx, tag.pupilId);
    if (mode === 'return') {
      const held = devices.filter((d) => isHeld(ctx, d.deviceId));
      if (held.length > 0) return { device: pickOne(held) };
    }
    return { device: pickOne(devices) };
  }
  throw new AppError('UNKNOWN_TAG');
}

function pickOne(devices: Device[]): Device {
  const [first] = devices;
  if (!first) throw new AppError('NO_DEVICE');
  if (devices.length > 1) {
    throw new AppError('CHOOSE_DEVICE', {
      devices: devices.map((d) => ({ deviceId: d.deviceId, kind: d.kind, description: d.description })),
    });
  }
  return first;
}

function heldIn(ctx: ServiceContext, pouchId: string): Device[] {
  return prepared<{ device_id: string }>(ctx.db, 'SELECT device_id FROM custody WHERE pouch_id = ? AND held = 1')
    .all(pouchId)
    .map((r) => requireDevice(ctx, r.device_id));
}

function isHeld(ctx: ServiceContext, deviceId: string): boolean {
  return prepared(ctx.db, 'SELECT 1 FROM custody WHERE device_id = ? AND held = 1').get(deviceId) !== undefined;
}
