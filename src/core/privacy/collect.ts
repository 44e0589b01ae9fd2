import { AppError } from '../../shared/errors';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { MAX_PAGE, readEvents, type StoredEvent } from '../ledger/readModel';
import type { ServiceContext } from '../services/context';
import { getPupil, type Pupil } from '../services/pupils';

export interface SubjectDevice {
  deviceId: string;
  kind: string;
  description: string;
  active: boolean;
}
export interface SubjectTag {
  tagId: string;
  kind: string;
  code: string;
  status: string;
  deviceId: string | null;
  pouchId: string | null;
}
export interface SubjectPouch {
  pouchId: string;
  number: number;
  location: string;
}

/**
 * Everything the kiosk holds about one pupil (AVG art. 15): the pupil record, their devices, the
 * tags and pouches that lead to them, and every event of this kiosk's chain that names them, with
 * its details and (unless erased) its personal part. Events are selected by the pupil's id only,
 * so a device's history from before it was theirs (another child's) is never included.
 */
export interface SubjectAccess {
  pupil: Pupil & { externalKey: string | null };
  devices: SubjectDevice[];
  tags: SubjectTag[];
  pouches: SubjectPouch[];
  events: StoredEvent[];
}

export function collectSubjectAccess(ctx: ServiceContext, pupilId: string): SubjectAccess {
  const pupil = getPupil(ctx, pupilId);
  if (!pupil) throw new AppError('UNKNOWN_PUPIL');
  const externalKey =
    prepared<{ external_key: string | null }>(ctx.db, 'SELECT external_key FROM pupils WHERE pupil_id = ?').get(pupilId)?.external_key ?? null;
  return {
    pupil: { ...pupil, externalKey },
    devices: devicesOf(ctx.db, pupilId),
    tags: tagsOf(ctx.db, pupilId),
    pouches: pouchesOf(ctx.db, pupilId),
    events: eventsOf(ctx, pupilId),
  };
}

function devicesOf(db: Db, pupilId: string): SubjectDevice[] {
  return prepared<{ device_id: string; kind: string; description: string; active: number }>(
    db,
    'SELECT device_id, kind, description, active FROM devices WHERE owner_pupil_id = ? ORDER BY created_at, rowid',
  )
    .all(pupilId)
    .map((r) => ({ deviceId: r.device_id, kind: r.kind, description: r.description, active: r.active === 1 }));
}

function tagsOf(db: Db, pupilId: string): SubjectTag[] {
  return prepared<{ tag_id: string; kind: string; canonical: string; status: string; device_id: string | null; pouch_id: string | null }>(
    db,
    `SELECT t.tag_id, t.kind, t.canonical, t.status, t.device_id, t.pouch_id FROM tags t
     WHERE t.pupil_id = ?
        OR t.device_id IN (SELECT device_id FROM devices WHERE owner_pupil_id = ?)
        OR t.pouch_id IN (SELECT pouch_id FROM pouches WHERE pupil_id = ?)
     ORDER BY t.created_at, t.rowid`,
  )
    .all(pupilId, pupilId, pupilId)
    .map((r) => ({ tagId: r.tag_id, kind: r.kind, code: r.canonical, status: r.status, deviceId: r.device_id, pouchId: r.pouch_id }));
}

function pouchesOf(db: Db, pupilId: string): SubjectPouch[] {
  return prepared<{ pouch_id: string; number: number; name: string }>(
    db,
    `SELECT p.pouch_id, p.number, l.name FROM pouches p JOIN locations l ON l.location_id = p.location_id
     WHERE p.pupil_id = ? ORDER BY l.name, p.number`,
  )
    .all(pupilId)
    .map((r) => ({ pouchId: r.pouch_id, number: r.number, location: r.name }));
}

function eventsOf(ctx: ServiceContext, pupilId: string): StoredEvent[] {
  const out: StoredEvent[] = [];
  let afterSeq = 0;
  for (;;) {
    const page = readEvents(ctx.db, { kioskId: ctx.kioskId, pupilId, order: 'oldest-first', afterSeq, limit: MAX_PAGE });
    out.push(...page.events);
    if (page.next === null) return out;
    afterSeq = page.next;
  }
}
