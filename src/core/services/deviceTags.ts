import { AppError } from '../../shared/errors';
import { newOwnCode } from '../../shared/scan/codes';
import { prepared } from '../db/statements';
import { appendEvent } from '../ledger/append';
import type { Actor } from '../ledger/events';
import { tagAssignedEvent } from '../registry/drafts';
import { ledgerWriter, writeTransaction, type ServiceContext } from './context';
import { requireDevice } from './devices';
import { getTag, insertTag, type Tag } from './tags';
import { requireRole } from './staff';

/** Where a device's new tag comes from: a sticker or NFC tag just scanned, or a code printed later. */
export type TagSource = { kind: 'scan'; code: string; tagKind: 'device_sticker' | 'nfc' } | { kind: 'newCode' };

/**
 * Gives a device a tag. A scanned value is normalised as the door's scan path does (so what is
 * stored is what a later scan looks up); "new code" issues one of the app's own codes, to be
 * printed on the group's sticker sheet.
 */
export function attachDeviceTag(ctx: ServiceContext, input: { deviceId: string; source: TagSource }, actor: Actor): Tag {
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    if (input.source.kind === 'newCode') {
      return insertTag(ctx, { kind: 'device_sticker', raw: freshCode(ctx), deviceId: input.deviceId }, actor);
    }
    return insertTag(ctx, { kind: input.source.tagKind, raw: input.source.code, deviceId: input.deviceId }, actor);
  });
}

/** A new code no tag has ever had: a revoked sticker's code must not come back on another child's phone. */
function freshCode(ctx: ServiceContext): string {
  for (;;) {
    const code = newOwnCode();
    if (!prepared(ctx.db, 'SELECT 1 FROM tags WHERE canonical = ?').get(code)) return code;
  }
}

/**
 * Moves an active sticker or NFC tag to another active device (stuck on the wrong phone, or the
 * phone's case moved to a new phone), with the office's reason. One `tag_assigned` event under
 * the tag's own id, naming the device it came from (see drafts.ts).
 */
export function moveTag(ctx: ServiceContext, input: { tagId: string; toDeviceId: string; reason: string }, actor: Actor): Tag {
  const reason = input.reason.trim();
  if (!reason) throw new AppError('INVALID_ARGUMENT', { field: 'reason' });
  return writeTransaction(ctx, () => {
    requireRole(ctx, actor, ['office', 'admin']);
    const tag = getTag(ctx, input.tagId);
    if (!tag) throw new AppError('UNKNOWN_TAG');
    if (tag.status === 'revoked') throw new AppError('TAG_REVOKED');
    if (!tag.deviceId || (tag.kind !== 'device_sticker' && tag.kind !== 'nfc')) throw new AppError('NOT_A_DEVICE_TAG');
    if (tag.deviceId === input.toDeviceId) throw new AppError('INVALID_ARGUMENT', { field: 'toDeviceId', rule: 'same device' });
    const target = requireDevice(ctx, input.toDeviceId);
    prepared(ctx.db, 'UPDATE tags SET device_id = ? WHERE tag_id = ?').run(target.deviceId, tag.tagId);
    const moved: Tag = { ...tag, deviceId: target.deviceId };
    appendEvent(
      ledgerWriter(ctx),
      tagAssignedEvent(moved, target.ownerPupilId, { actor }, { fromDeviceId: tag.deviceId, reason }),
    );
    return { tagId: moved.tagId, kind: moved.kind, canonical: moved.canonical, deviceId: moved.deviceId, pouchId: null, pupilId: null };
  });
}
