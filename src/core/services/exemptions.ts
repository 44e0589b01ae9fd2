import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { displayName } from '../../shared/pupilOrder';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { exemptionEvent, type ExemptionFacts } from '../registry/drafts';
import { exemptionReasons } from '../registry/state';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { requireDevice, type Device, type DeviceKind } from './devices';
import { getPupil, requirePupil } from './pupils';
import { requireRole, requireStaff, staffRow } from './staff';

export type ExemptionReason = (typeof exemptionReasons)[number];
export { exemptionReasons };

/** Where the exemption stands by the kiosk's clock today. */
export type ExemptionStatus = 'upcoming' | 'active' | 'expired' | 'ended';

export interface GrantExemptionInput {
  pupilId: string;
  /** Absent: any device of this pupil. */
  deviceId?: string | null;
  reason: ExemptionReason;
  /** Local dates, YYYY-MM-DD, both days included. */
  validFrom: string;
  validUntil: string;
  /** The staff member who agreed (the school leader, the intern begeleider). */
  agreedBy: string;
  /** Off by default: a medical detail is not needed to let a child keep a phone. */
  note?: string | null;
}

export interface Exemption extends ExemptionFacts {
  reason: ExemptionReason;
  status: ExemptionStatus;
  endedAt: string | null;
  pupilName: string;
  groep: string;
  device: { kind: DeviceKind; description: string } | null;
  agreedByName: string;
  note: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** The kiosk's local calendar day (it runs in the school's time zone), as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function grantExemption(ctx: ServiceContext, input: GrantExemptionInput, actor: Actor): Exemption {
  if (!exemptionReasons.includes(input.reason)) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  if (!isDate(input.validFrom)) throw new AppError('INVALID_ARGUMENT', { field: 'validFrom' });
  if (!isDate(input.validUntil) || input.validUntil < input.validFrom) throw new AppError('INVALID_ARGUMENT', { field: 'validUntil' });
  const note = input.note?.trim() || null;
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    requirePupil(ctx, input.pupilId);
    if (input.deviceId) {
      const device = requireDevice(ctx, input.deviceId);
      if (device.ownerPupilId !== input.pupilId) throw new AppError('INVALID_ARGUMENT', { field: 'deviceId' });
    }
    requireStaff(ctx, input.agreedBy);
    const facts: ExemptionFacts = {
      exemptionId: randomUUID(),
      pupilId: input.pupilId,
      deviceId: input.deviceId ?? null,
      validFrom: input.validFrom,
      validUntil: input.validUntil,
      agreedBy: input.agreedBy,
    };
    prepared(
      ctx.db,
      `INSERT INTO exemptions (exemption_id, pupil_id, device_id, reason, valid_from, valid_until, agreed_by, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      facts.exemptionId,
      facts.pupilId,
      facts.deviceId,
      input.reason,
      facts.validFrom,
      facts.validUntil,
      facts.agreedBy,
      note,
      ctx.now().toISOString(),
    );
    appendEvent(ledgerWriter(ctx), exemptionEvent('exemption_granted', facts, { reason: input.reason, note }, { actor }));
    return requireExemption(ctx, facts.exemptionId);
  });
}

/** Ends an exemption before its last day (or records that it no longer applies); from now on the device is handed in. */
export function endExemption(ctx: ServiceContext, exemptionId: string, actor: Actor): Exemption {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const current = requireExemption(ctx, exemptionId);
    if (current.endedAt !== null) throw new AppError('EXEMPTION_ENDED');
    prepared(ctx.db, 'UPDATE exemptions SET ended_at = ? WHERE exemption_id = ?').run(ctx.now().toISOString(), exemptionId);
    const { exemptionId: id, pupilId, deviceId, validFrom, validUntil, agreedBy } = current;
    appendEvent(
      ledgerWriter(ctx),
      exemptionEvent('exemption_ended', { exemptionId: id, pupilId, deviceId, validFrom, validUntil, agreedBy }, null, { actor }),
    );
    return requireExemption(ctx, exemptionId);
  });
}

interface ExemptionRow {
  exemption_id: string;
  pupil_id: string;
  device_id: string | null;
  reason: ExemptionReason;
  valid_from: string;
  valid_until: string;
  agreed_by: string;
  note: string | null;
  created_at: string;
  ended_at: string | null;
}
const COLUMNS = 'exemption_id, pupil_id, device_id, reason, valid_from, valid_until, agreed_by, note, created_at, ended_at';

function statusOf(row: ExemptionRow, today: string): ExemptionStatus {
  if (row.ended_at !== null) return 'ended';
  if (today < row.valid_from) return 'upcoming';
  if (today > row.valid_until) return 'expired';
  return 'active';
}

function toExemption(ctx: ServiceContext, row: ExemptionRow, today: string): Exemption {
  const pupil = getPupil(ctx, row.pupil_id);
  const device = row.device_id === null ? undefined : requireDeviceRow(ctx, row.device_id);
  return {
    exemptionId: row.exemption_id,
    pupilId: row.pupil_id,
    deviceId: row.device_id,
    reason: row.reason,
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    agreedBy: row.agreed_by,
    status: statusOf(row, today),
    endedAt: row.ended_at,
    pupilName: pupil ? displayName(pupil) : '',
    groep: pupil?.groep ?? '',
    device: device ? { kind: device.kind, description: device.description } : null,
    agreedByName: staffRow(ctx, row.agreed_by)?.display_name ?? '',
    note: row.note,
  };
}

const requireDeviceRow = (ctx: ServiceContext, deviceId: string): Pick<Device, 'kind' | 'description'> | undefined =>
  prepared<Pick<Device, 'kind' | 'description'>>(ctx.db, 'SELECT kind, description FROM devices WHERE device_id = ?').get(deviceId);

export function requireExemption(ctx: ServiceContext, exemptionId: string): Exemption {
  const row = prepared<ExemptionRow>(ctx.db, `SELECT ${COLUMNS} FROM exemptions WHERE exemption_id = ?`).get(exemptionId);
  if (!row) throw new AppError('UNKNOWN_EXEMPTION');
  return toExemption(ctx, row, localDate(ctx.now()));
}

/** Every exemption: the ones that apply or will first, then the rest, newest first within each. */
export function listExemptions(ctx: ServiceContext): Exemption[] {
  const today = localDate(ctx.now());
  const rank: Record<ExemptionStatus, number> = { active: 0, upcoming: 1, expired: 2, ended: 3 };
  return prepared<ExemptionRow>(ctx.db, `SELECT ${COLUMNS} FROM exemptions ORDER BY created_at DESC, rowid DESC`)
    .all()
    .map((r) => toExemption(ctx, r, today))
    .sort((a, b) => rank[a.status] - rank[b.status]);
}

/**
 * The exemption that lets the pupil keep this device today, if any: one for this device or for
 * any of the pupil's. Runs on every scan, so one lookup on the index of open exemptions.
 */
export function exemptionForToday(ctx: ServiceContext, device: Pick<Device, 'deviceId' | 'ownerPupilId'>): string | null {
  const today = localDate(ctx.now());
  const row = prepared<{ exemption_id: string }>(
    ctx.db,
    `SELECT exemption_id FROM exemptions
     WHERE pupil_id = ? AND ended_at IS NULL AND (device_id IS NULL OR device_id = ?) AND valid_from <= ? AND valid_until >= ?
     LIMIT 1`,
  ).get(device.ownerPupilId, device.deviceId, today, today);
  return row?.exemption_id ?? null;
}
