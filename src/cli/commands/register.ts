import { parseArgs } from 'node:util';
import type { Core } from '../../core';
import { SYSTEM_ACTOR } from '../../core/ledger/events';
import { deviceKinds, type DeviceKind } from '../../core/services/devices';
import { locationKinds, type LocationKind } from '../../core/services/locations';
import { resolveTag, type Tag } from '../../core/services/tags';
import { canonicalizeScan } from '../../shared/scan/canonical';
import { newOwnCode } from '../../shared/scan/codes';
import { canonicalNfcUid, isNfcProfile, nfcProfiles } from '../../shared/scan/nfc';
import { output, type CliCommand, type CliContext } from '../command';
import { openCliCore } from '../database';

/*
 * Registration from the terminal, until the office screens exist: pupils, storage places and
 * their pouches, devices and the tags that identify them. Whoever can run these can already read
 * and write the database file, so they act as 'system' (like `staff add`). Each command is one
 * transaction: a device whose sticker is refused is not left behind without one.
 */

const PUPIL_USAGE =
  'pupil add --roepnaam R [--voorvoegsel V] --achternaam A --groep G [--jaargroep 1-8] [--key EXTERNAL_KEY] [--card CODE]';
const LOCATION_USAGE = `location add --name NAME --kind ${locationKinds.join('|')} [--pouches N] [--default]`;
const POUCH_USAGE = 'pouch assign --location LOCATION_ID --number N --pupil PUPIL_ID [--tag CODE | --new-tag]';
const DEVICE_USAGE = `device add --pupil PUPIL_ID --kind ${deviceKinds.join('|')} --description TEXT [--new-sticker] [--sticker CODE] [--nfc UID --profile ${nfcProfiles.join('|')}]`;
const REVOKE_USAGE = `tag revoke CODE [--profile ${nfcProfiles.join('|')}]`;

export function usage(ctx: CliContext, text: string): number {
  ctx.io.stderr(`Usage: npm run cli -- ${text}\n`);
  return 2;
}

/** A whole number ≥ 1 from an option, or null when it is not one (a usage error). */
function positiveInt(value: string | undefined): number | null {
  if (value === undefined || !/^\d+$/.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** Opens the core, runs `fn` as one write transaction (services join it), closes. */
export function inTransaction<T>(ctx: CliContext, fn: (core: Core) => T): T {
  const core = openCliCore(ctx.dbPath);
  try {
    return core.db.transaction(() => fn(core)).immediate();
  } finally {
    core.close();
  }
}

export const pupilAdd: CliCommand = {
  name: 'pupil add',
  summary: 'Register a pupil (name and group only), optionally with their own card',
  usage: PUPIL_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        roepnaam: { type: 'string' },
        voorvoegsel: { type: 'string' },
        achternaam: { type: 'string' },
        groep: { type: 'string' },
        jaargroep: { type: 'string' },
        key: { type: 'string' },
        card: { type: 'string' },
      },
    });
    const jaargroep = values.jaargroep === undefined ? null : positiveInt(values.jaargroep);
    if (!values.roepnaam || !values.achternaam || !values.groep || (values.jaargroep !== undefined && jaargroep === null)) {
      return usage(ctx, PUPIL_USAGE);
    }
    const result = inTransaction(ctx, (core) => {
      const pupil = core.services.createPupil(
        {
          roepnaam: values.roepnaam!,
          achternaam: values.achternaam!,
          groep: values.groep!,
          jaargroep,
          ...(values.voorvoegsel !== undefined ? { voorvoegsel: values.voorvoegsel } : {}),
          ...(values.key !== undefined ? { externalKey: values.key } : {}),
        },
        SYSTEM_ACTOR,
      );
      const card = values.card
        ? core.services.assignTag({ kind: 'pupil_card', raw: values.card, pupilId: pupil.pupilId }, SYSTEM_ACTOR)
        : null;
      return { ...pupil, card: card?.canonical ?? null };
    });
    const name = [result.roepnaam, result.voorvoegsel, result.achternaam].filter(Boolean).join(' ');
    output(ctx, result, () =>
      [`Registered ${name} (groep ${result.groep}), id ${result.pupilId}`, ...(result.card ? [`Card: ${result.card}`] : [])].join('\n'),
    );
    return 0;
  },
};

export const locationAdd: CliCommand = {
  name: 'location add',
  summary: 'Register a phone bag, locker or other storage place, optionally with N empty numbered pouches',
  usage: LOCATION_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        name: { type: 'string' },
        kind: { type: 'string' },
        pouches: { type: 'string' },
        default: { type: 'boolean' },
      },
    });
    const kind: LocationKind | undefined = locationKinds.find((k) => k === values.kind);
    const pouchCount = values.pouches === undefined ? 0 : positiveInt(values.pouches);
    if (!values.name || !kind || pouchCount === null) return usage(ctx, LOCATION_USAGE);
    const result = inTransaction(ctx, (core) => {
      const location = core.services.createLocation({ kind, name: values.name! }, SYSTEM_ACTOR);
      const pouches = Array.from({ length: pouchCount }, (_, i) =>
        core.services.createPouch({ locationId: location.locationId, number: i + 1 }, SYSTEM_ACTOR),
      ).map((p) => ({ pouchId: p.pouchId, number: p.number }));
      if (values.default) core.services.setDefaultLocation(location.locationId, SYSTEM_ACTOR);
      return { ...location, isDefault: values.default === true, pouches };
    });
    output(ctx, result, () =>
      [
        `Registered ${result.name} (${result.kind}), id ${result.locationId}${result.isDefault ? ' — now the default place' : ''}`,
        ...result.pouches.map((p) => `  pouch ${String(p.number).padStart(3)}  ${p.pouchId}`),
      ].join('\n'),
    );
    return 0;
  },
};

export const pouchAssign: CliCommand = {
  name: 'pouch assign',
  summary: "Give pouch N of a bag or locker to a pupil (adding it if needed), optionally with a pouch tag",
  usage: POUCH_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        location: { type: 'string' },
        number: { type: 'string' },
        pupil: { type: 'string' },
        tag: { type: 'string' },
        'new-tag': { type: 'boolean' },
      },
    });
    const number = positiveInt(values.number);
    if (!values.location || number === null || !values.pupil || (values.tag !== undefined && values['new-tag'])) {
      return usage(ctx, POUCH_USAGE);
    }
    const tagCode = values['new-tag'] ? newOwnCode() : values.tag;
    const result = inTransaction(ctx, (core) => {
      const pouch = core.services.assignPouch({ locationId: values.location!, number, pupilId: values.pupil! }, SYSTEM_ACTOR);
      const tag = tagCode ? core.services.assignTag({ kind: 'pouch', raw: tagCode, pouchId: pouch.pouchId }, SYSTEM_ACTOR) : null;
      return { ...pouch, tag: tag?.canonical ?? null };
    });
    output(ctx, result, () =>
      [
        `Pouch ${result.number} of ${result.locationName} is now pupil ${result.pupilId}'s, id ${result.pouchId}`,
        ...(result.tag ? [`Pouch tag: ${result.tag}`] : []),
      ].join('\n'),
    );
    return 0;
  },
};

export const deviceAdd: CliCommand = {
  name: 'device add',
  summary: "Register a pupil's device with a new or given sticker and/or an NFC tag",
  usage: DEVICE_USAGE,
  run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        pupil: { type: 'string' },
        kind: { type: 'string' },
        description: { type: 'string' },
        'new-sticker': { type: 'boolean' },
        sticker: { type: 'string', multiple: true },
        nfc: { type: 'string' },
        profile: { type: 'string' },
      },
    });
    const kind: DeviceKind | undefined = deviceKinds.find((k) => k === values.kind);
    const profile = values.profile;
    if (
      !values.pupil ||
      !kind ||
      values.description === undefined ||
      (values.nfc !== undefined && !isNfcProfile(profile)) ||
      (values.nfc === undefined && profile !== undefined)
    ) {
      return usage(ctx, DEVICE_USAGE);
    }
    const stickers = [...(values['new-sticker'] ? [newOwnCode()] : []), ...(values.sticker ?? [])];
    // Parsed before anything is written: a bad UID refuses the whole registration.
    const nfc = values.nfc !== undefined && isNfcProfile(profile) ? { raw: values.nfc, canonical: canonicalNfcUid(values.nfc, profile) } : null;
    const result = inTransaction(ctx, (core) => {
      const device = core.services.createDevice(
        { ownerPupilId: values.pupil!, kind, description: values.description! },
        SYSTEM_ACTOR,
      );
      const tags: Tag[] = stickers.map((raw) =>
        core.services.assignTag({ kind: 'device_sticker', raw, deviceId: device.deviceId }, SYSTEM_ACTOR),
      );
      if (nfc) tags.push(core.services.assignTag({ kind: 'nfc', ...nfc, deviceId: device.deviceId }, SYSTEM_ACTOR));
      return {
        ...device,
        stickers: tags.filter((t) => t.kind === 'device_sticker').map((t) => t.canonical),
        nfc: tags.find((t) => t.kind === 'nfc')?.canonical ?? null,
      };
    });
    output(ctx, result, () =>
      [
        `Registered ${result.kind} "${result.description}", id ${result.deviceId}`,
        ...result.stickers.map((s) => `Sticker: ${s}`),
        ...(result.nfc ? [`NFC: ${result.nfc}`] : []),
        ...(result.stickers.length === 0 && !result.nfc ? ['(no tag yet: it can only be handed in via a pouch tag or pupil card)'] : []),
      ].join('\n'),
    );
    return 0;
  },
};

export const tagRevoke: CliCommand = {
  name: 'tag revoke',
  summary: 'Withdraw a lost or replaced sticker, NFC tag, pouch tag or card: scanning it is refused',
  usage: REVOKE_USAGE,
  run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: { profile: { type: 'string' } },
    });
    const [code] = positionals;
    if (!code || positionals.length > 1 || (values.profile !== undefined && !isNfcProfile(values.profile))) {
      return usage(ctx, REVOKE_USAGE);
    }
    // An NFC UID as a reader typed it needs that reader's profile; a canonical UID or any other code does not.
    const canonical = isNfcProfile(values.profile) ? canonicalNfcUid(code, values.profile) : canonicalizeScan(code);
    const tag = inTransaction(ctx, (core) => {
      const found = resolveTag(core.services.context, canonical);
      core.services.revokeTag(found.tagId, SYSTEM_ACTOR);
      return found;
    });
    output(ctx, { revoked: tag }, () => `Revoked ${tag.kind} ${tag.canonical} (tag ${tag.tagId})`);
    return 0;
  },
};
