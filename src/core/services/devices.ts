import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { deviceEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { getPupil, requirePupil } from './pupils';
import { requireRole } from './staff';

export const deviceKinds = ['smartphone', 'smartwatch', 'tablet', 'other'] as const;
export type DeviceKind = (typeof deviceKinds)[number];

export interface Device {
  deviceId: string;
  kind: DeviceKind;
  description: string;
  ownerPupilId: string;
  active: boolean;
}

interface DeviceRow {
  device_id: string;
  kind: DeviceKind;
  description: string;
  owner_pupil_id: string;
  active: number;
}

const DEVICE_COLUMNS = 'device_id, kind, description, owner_pupil_id, active';
/** Built once, so the scan path does not hash a new statement text per call (see `prepared`). */
const DEVICE_BY_ID = `SELECT ${DEVICE_COLUMNS} FROM devices WHERE device_id = ?`;
const toDevice = (r: DeviceRow): Device => ({
  deviceId: r.device_id,
  kind: r.kind,
  description: r.description,
  ownerPupilId: r.owner_pupil_id,
  active: r.active === 1,
});

export interface DeviceInput {
  ownerPupilId: string;
  kind: DeviceKind;
  description?: string;
}

export function createDevice(ctx: ServiceContext, input: DeviceInput, actor: Actor): Device {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    return insertDevice(ctx, input, actor);
  });
}

/**
 * The registration itself, inside the caller's transaction and after the caller checked who
 * acts: the office's `createDevice`, or a teacher's enrolment at the door (enrol.ts).
 */
export function insertDevice(ctx: ServiceContext, input: DeviceInput, actor: Actor): Device {
  if (!deviceKinds.includes(input.kind)) throw new AppError('INVALID_ARGUMENT', { field: 'kind' });
  requireCurrentPupil(ctx, input.ownerPupilId);
  const deviceId = randomUUID();
  prepared(
    ctx.db,
    'INSERT INTO devices (device_id, kind, description, owner_pupil_id, created_at) VALUES (?, ?, ?, ?, ?)',
  ).run(deviceId, input.kind, (input.description ?? '').trim(), input.ownerPupilId, ctx.now().toISOString());
  const device = requireDevice(ctx, deviceId);
  appendEvent(ledgerWriter(ctx), deviceEvent('device_registered', device, device.description || null, { actor }));
  return device;
}

/** A pupil who can get a device: known (UNKNOWN_PUPIL) and still at the school (PUPIL_INACTIVE). */
function requireCurrentPupil(ctx: ServiceContext, pupilId: string): void {
  const pupil = getPupil(ctx, pupilId);
  if (!pupil) throw new AppError('UNKNOWN_PUPIL');
  if (!pupil.active) throw new AppError('PUPIL_INACTIVE');
}

/**
 * Gives a device to another pupil (a phone handed down to a sibling) or retires it. Its tags keep
 * pointing at the device, so a scan then hands it in for the new owner. Recorded as
 * `device_changed` with the owner in the chain: the owner decides whose phone a scan hands in.
 */
export function changeDevice(
  ctx: ServiceContext,
  deviceId: string,
  change: { ownerPupilId?: string; active?: boolean },
  actor: Actor,
): Device {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const before = getDevice(ctx, deviceId);
    if (!before) throw new AppError('UNKNOWN_DEVICE');
    if (change.ownerPupilId !== undefined) requirePupil(ctx, change.ownerPupilId);
    const after = { ...before, ownerPupilId: change.ownerPupilId ?? before.ownerPupilId, active: change.active ?? before.active };
    prepared(ctx.db, 'UPDATE devices SET owner_pupil_id = ?, active = ? WHERE device_id = ?').run(
      after.ownerPupilId,
      after.active ? 1 : 0,
      deviceId,
    );
    appendEvent(ledgerWriter(ctx), deviceEvent('device_changed', after, null, { actor }));
    return after;
  });
}

/** A device by id, also when no longer active: the ledger's history still names it. */
export function getDevice(ctx: ServiceContext, deviceId: string): Device | undefined {
  const row = prepared<DeviceRow>(ctx.db, DEVICE_BY_ID).get(deviceId);
  return row && toDevice(row);
}

export function requireDevice(ctx: ServiceContext, deviceId: string): Device {
  const row = prepared<DeviceRow>(ctx.db, DEVICE_BY_ID).get(deviceId);
  if (!row || row.active !== 1) throw new AppError('UNKNOWN_DEVICE');
  return toDevice(row);
}

/** A pupil's active devices, oldest registration first (a stable order for the choice screen). */
export function devicesOfPupil(ctx: ServiceContext, pupilId: string): Device[] {
  return prepared<DeviceRow>(
    ctx.db,
    `SELECT ${DEVICE_COLUMNS} FROM devices WHERE owner_pupil_id = ? AND active = 1 ORDER BY created_at, rowid`,
  )
    .all(pupilId)
    .map(toDevice);
}

export function listDevices(ctx: ServiceContext, filter: { pupilId?: string; groep?: string } = {}): Device[] {
  if (filter.pupilId !== undefined) return devicesOfPupil(ctx, filter.pupilId);
  const rows =
    filter.groep === undefined
      ? prepared<DeviceRow>(ctx.db, `SELECT ${DEVICE_COLUMNS} FROM devices WHERE active = 1 ORDER BY created_at, rowid`).all()
      : prepared<DeviceRow>(
          ctx.db,
          `SELECT d.device_id, d.kind, d.description, d.owner_pupil_id, d.active
           FROM devices d JOIN pupils p ON p.pupil_id = d.owner_pupil_id
           WHERE d.active = 1 AND p.groep = ? ORDER BY p.achternaam, p.roepnaam, d.created_at`,
        ).all(filter.groep);
  return rows.map(toDevice);
}
