import { parseArgs } from 'node:util';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { devicesOfGroup, type PupilDevices } from '../../core/services/deviceOverview';
import type { TagSource } from '../../core/services/deviceTags';
import { resolveTag } from '../../core/services/tags';
import { canonicalizeScan } from '../../shared/scan/canonical';
import { canonicalNfcUid, isNfcProfile, nfcProfiles } from '../../shared/scan/nfc';
import { output, type CliCommand, type CliContext } from '../command';
import { openReadOnly, readOnlyContext, withDb } from '../database';
import { deviceAdd, inTransaction, usage } from './register';

/*
 * The office's devices and tags from the terminal: the same services as the office screen
 * "Apparaten en stickers", acting as 'system' like the other registration commands. The older
 * names `device add` and `tag revoke` keep working.
 */

const PROFILE = `--profile ${nfcProfiles.join('|')}`;
const LIST_USAGE = 'devices list --group G | --pupil PUPIL_ID';
const ASSIGN_USAGE = `tags assign --device DEVICE_ID (--code CODE | --nfc UID ${PROFILE} | --new-code)`;
const REVOKE_USAGE = `tags revoke CODE --reason TEXT [${PROFILE}]`;
const MOVE_USAGE = `tags move CODE --to DEVICE_ID --reason TEXT [${PROFILE}]`;

/** `device add` under the plural name the other office commands use. */
export const devicesAdd: CliCommand = { ...deviceAdd, name: 'devices add', usage: deviceAdd.usage.replace(/^device add/, 'devices add') };

const fullName = (p: PupilDevices) => [p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ');

export const devicesList: CliCommand = {
  name: 'devices list',
  summary: "A group's pupils (class-list order) with their devices and every tag, active or revoked (read-only)",
  usage: LIST_USAGE,
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { group: { type: 'string' }, pupil: { type: 'string' } } });
    if ((values.group === undefined) === (values.pupil === undefined)) return usage(ctx, LIST_USAGE);
    return withDb(openReadOnly(ctx.dbPath), (db) => {
      const filter = values.group !== undefined ? { groep: values.group } : { pupilId: values.pupil! };
      const pupils = devicesOfGroup(readOnlyContext(db), filter);
      output(ctx, { pupils }, () =>
        pupils
          .flatMap((p) => [
            `${p.groep.padEnd(4)} ${fullName(p).padEnd(30)} ${p.pupilId}`,
            ...(p.devices.length === 0 ? ['       (no device)'] : []),
            ...p.devices.flatMap((d) => [
              `       ${d.kind.padEnd(11)} ${d.description.padEnd(30)} ${d.deviceId}`,
              ...d.tags.map((t) => `         ${t.kind.padEnd(15)} ${t.canonical.padEnd(20)} ${t.status}`),
            ]),
          ])
          .join('\n') || '(none)',
      );
      return 0;
    });
  },
};

/** A code as typed on the command line: an NFC UID needs its reader's profile, anything else is normalised as the door does. */
function canonicalOf(code: string, profile: string | undefined): string {
  return isNfcProfile(profile) ? canonicalNfcUid(code, profile) : canonicalizeScan(code);
}

export const tagsAssign: CliCommand = {
  name: 'tags assign',
  summary: 'Give a device a sticker or NFC tag, or a new printed code of its own',
  usage: ASSIGN_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: { device: { type: 'string' }, code: { type: 'string' }, nfc: { type: 'string' }, profile: { type: 'string' }, 'new-code': { type: 'boolean' } },
    });
    const given = [values.code, values.nfc, values['new-code'] ? true : undefined].filter((v) => v !== undefined).length;
    if (!values.device || given !== 1 || (values.nfc !== undefined) !== isNfcProfile(values.profile)) return usage(ctx, ASSIGN_USAGE);
    const source: TagSource = values['new-code']
      ? { kind: 'newCode' }
      : values.nfc !== undefined
        ? { kind: 'scan', code: canonicalOf(values.nfc, values.profile), tagKind: 'nfc' }
        : { kind: 'scan', code: values.code!, tagKind: 'device_sticker' };
    const tag = inTransaction(ctx, (core) => core.services.attachDeviceTag({ deviceId: values.device!, source }, SYSTEM_ACTOR));
    output(ctx, { tag }, () => `Assigned ${tag.kind} ${tag.canonical} to device ${tag.deviceId} (tag ${tag.tagId})`);
    return 0;
  },
};

/** The CODE --reason TEXT [--profile P] [--to DEVICE] of `tags revoke` and `tags move`; null is a usage error. */
function codeAndReason(ctx: CliContext) {
  const { values, positionals } = parseArgs({
    args: ctx.argv,
    allowPositionals: true,
    options: { reason: { type: 'string' }, profile: { type: 'string' }, to: { type: 'string' } },
  });
  const [code] = positionals;
  const ok = code !== undefined && positionals.length === 1 && !!values.reason?.trim() && (values.profile === undefined || isNfcProfile(values.profile));
  return ok ? { canonical: canonicalOf(code, values.profile), reason: values.reason!, to: values.to } : null;
}

export const tagsRevoke: CliCommand = {
  name: 'tags revoke',
  summary: 'Withdraw a lost or broken tag with the reason: scanning it is refused from then on',
  usage: REVOKE_USAGE,
  run(ctx) {
    const args = codeAndReason(ctx);
    if (!args || args.to !== undefined) return usage(ctx, REVOKE_USAGE);
    const tag = inTransaction(ctx, (core) =>
      core.services.revokeTag(resolveTag(core.services.context, args.canonical).tagId, SYSTEM_ACTOR, args.reason),
    );
    output(ctx, { revoked: tag }, () => `Revoked ${tag.kind} ${tag.canonical} (tag ${tag.tagId})`);
    return 0;
  },
};

export const tagsMove: CliCommand = {
  name: 'tags move',
  summary: 'Move a sticker or NFC tag to another device, with the reason',
  usage: MOVE_USAGE,
  run(ctx) {
    const args = codeAndReason(ctx);
    const to = args?.to;
    if (!args || to === undefined) return usage(ctx, MOVE_USAGE);
    const tag = inTransaction(ctx, (core) =>
      core.services.moveTag({ tagId: resolveTag(core.services.context, args.canonical).tagId, toDeviceId: to, reason: args.reason }, SYSTEM_ACTOR),
    );
    output(ctx, { moved: tag }, () => `Moved ${tag.kind} ${tag.canonical} to device ${tag.deviceId} (tag ${tag.tagId})`);
    return 0;
  },
};
