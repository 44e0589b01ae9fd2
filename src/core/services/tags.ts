import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { canonicalizeScan } from '../../shared/scan/canonical';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { tagAssignedEvent, tagRevokedEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { requireDevice } from './devices';
import { getPouch } from './locations';
import { requirePupil } from './pupils';
import { requireRole } from './staff';

export const tagKinds = ['device_sticker', 'nfc', 'pouch', 'pupil_card'] as const;
export type TagKind = (typeof tagKinds)[number];

export interface Tag {
  tagId: string;
  kind: TagKind;
  canonical: string;
  deviceId: string | null;
  pouchId: string | null;
  pupilId: string | null;
}

export interface AssignTagInput {
  kind: TagKind;
  /** What the reader delivered when the tag was enrolled. */
  raw: string;
  /** Already canonical (an NFC UID after the reader's profile); defaults to canonicalizeScan(raw). */
  canonical?: string;
  deviceId?: string;
  pouchId?: string;
  pupilId?: string;
}

/** Binds a sticker, NFC tag, pouch tag or pupil card to what it identifies, and records it. */
export function assignTag(ctx: ServiceContext, input: AssignTagInput, actor: Actor): Tag {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    return insertTag(ctx, input, actor);
  });
}

/**
 * The binding itself, inside the caller's transaction and after the caller checked who acts: the
 * office's `assignTag`, or a teacher's enrolment at the door (enrol.ts).
 */
export function insertTag(ctx: ServiceContext, input: AssignTagInput, actor: Actor): Tag {
  const canonical = input.canonical ?? canonicalizeScan(input.raw);
  const deviceId = input.kind === 'device_sticker' || input.kind === 'nfc' ? input.deviceId : undefined;
  const pouchId = input.kind === 'pouch' ? input.pouchId : undefined;
  const pupilId = input.kind === 'pupil_card' ? input.pupilId : undefined;
  if (!deviceId && !pouchId && !pupilId) throw new AppError('INVALID_ARGUMENT', { field: 'target' });
  let ownerPupilId: string | null = pupilId ?? null;
  if (deviceId) ownerPupilId = requireDevice(ctx, deviceId).ownerPupilId;
  if (pouchId && !getPouch(ctx, pouchId)) throw new AppError('INVALID_ARGUMENT', { field: 'pouchId' });
  if (pupilId) requirePupil(ctx, pupilId);
  assertCodeFree(ctx, canonical);
  const tagId = randomUUID();
  prepared(
    ctx.db,
    `INSERT INTO tags (tag_id, kind, canonical, raw_input, device_id, pouch_id, pupil_id, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(tagId, input.kind, canonical, input.raw, deviceId ?? null, pouchId ?? null, pupilId ?? null, ctx.now().toISOString());
  const tag: Tag = { tagId, kind: input.kind, canonical, deviceId: deviceId ?? null, pouchId: pouchId ?? null, pupilId: pupilId ?? null };
  appendEvent(ledgerWriter(ctx), tagAssignedEvent(tag, ownerPupilId, { actor }));
  return tag;
}

/**
 * Refuses a code an active tag already has, saying what kind of thing holds it (a device, a
 * pouch, a pupil's card) and never whose: at the door a child may be reading the message.
 */
export function assertCodeFree(ctx: ServiceContext, canonical: string): void {
  const taken = prepared<{ kind: TagKind }>(ctx.db, "SELECT kind FROM tags WHERE canonical = ? AND status = 'active'").get(canonical);
  if (!taken) return;
  if (taken.kind === 'pouch') throw new AppError('TAG_ON_POUCH');
  if (taken.kind === 'pupil_card') throw new AppError('TAG_ON_CARD');
  throw new AppError('TAG_IN_USE');
}

/**
 * Withdraws a lost or replaced tag: scanning it is refused from now on, its code may be reused.
 * The reason is free text the office typed (it may name a child), so it goes in the payload.
 */
export function revokeTag(ctx: ServiceContext, tagId: string, actor: Actor, reason?: string): Tag {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const tag = getTagRow(ctx, tagId);
    if (!tag) throw new AppError('UNKNOWN_TAG');
    if (tag.status === 'revoked') throw new AppError('TAG_REVOKED');
    prepared(ctx.db, "UPDATE tags SET status = 'revoked', revoked_at = ? WHERE tag_id = ?").run(ctx.now().toISOString(), tagId);
    const ownerPupilId = tag.device_id ? (deviceOwnerOf(ctx, tag.device_id) ?? null) : null;
    const text = reason?.trim();
    appendEvent(ledgerWriter(ctx), tagRevokedEvent(toTag(tag), ownerPupilId, { actor }, text ? text : null));
    return toTag(tag);
  });
}

function deviceOwnerOf(ctx: ServiceContext, deviceId: string): string | undefined {
  return prepared<{ owner_pupil_id: string }>(ctx.db, 'SELECT owner_pupil_id FROM devices WHERE device_id = ?').get(deviceId)
    ?.owner_pupil_id;
}

/** A tag by id, active or revoked. */
export function getTag(ctx: ServiceContext, tagId: string): (Tag & { status: 'active' | 'revoked' }) | undefined {
  const row = getTagRow(ctx, tagId);
  return row && { ...toTag(row), status: row.status };
}

function getTagRow(ctx: ServiceContext, tagId: string): TagRow | undefined {
  return prepared<TagRow>(ctx.db, `SELECT ${TAG_COLUMNS} FROM tags WHERE tag_id = ?`).get(tagId);
}

interface TagRow {
  tag_id: string;
  kind: TagKind;
  canonical: string;
  status: 'active' | 'revoked';
  device_id: string | null;
  pouch_id: string | null;
  pupil_id: string | null;
}
const TAG_COLUMNS = 'tag_id, kind, canonical, status, device_id, pouch_id, pupil_id';
// Built once: a statement's text is its cache key (see `prepared`), and a template literal built
// per call costs a microsecond or two to hash on every scan.
const ACTIVE_TAG_BY_CANONICAL = `SELECT ${TAG_COLUMNS} FROM tags WHERE canonical = ? AND status = 'active'`;
const ANY_TAG_BY_CANONICAL = `SELECT ${TAG_COLUMNS} FROM tags WHERE canonical = ? LIMIT 1`;

/**
 * The active tag with this canonical value. A value known only from revoked tags is TAG_REVOKED
 * (a lost sticker that turned up again), anything else UNKNOWN_TAG.
 */
export function resolveTag(ctx: ServiceContext, canonical: string): Tag {
  // Two plain lookups on (canonical, status) rather than one with ORDER BY: a sort costs a scan
  // about 50 µs in the bundled SQLite, and the second lookup only runs for a code that is not active.
  const row =
    prepared<TagRow>(ctx.db, ACTIVE_TAG_BY_CANONICAL).get(canonical) ?? prepared<TagRow>(ctx.db, ANY_TAG_BY_CANONICAL).get(canonical);
  if (!row) throw new AppError('UNKNOWN_TAG');
  if (row.status !== 'active') throw new AppError('TAG_REVOKED');
  return toTag(row);
}

const toTag = (row: TagRow): Tag => ({
  tagId: row.tag_id,
  kind: row.kind,
  canonical: row.canonical,
  deviceId: row.device_id,
  pouchId: row.pouch_id,
  pupilId: row.pupil_id,
});
