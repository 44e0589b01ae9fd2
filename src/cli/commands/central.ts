import { createPublicKey } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { describeUrl } from '../../core/central/connect';
import { exportCentralBundle } from '../../core/central/exportBundle';
import { exportCentralCsv } from '../../core/central/export';
import { exportCentralPdf } from '../../core/central/exportPdf';
import { exportCentralXlsx } from '../../core/central/exportXlsx';
import { kioskHealth } from '../../core/central/health';
import { importBundle, type BundleImport } from '../../core/central/importBundle';
import { registerKiosk } from '../../core/central/registry';
import { migrateCentral } from '../../core/central/schema/migrate';
import { verifyCentral } from '../../core/central/verify';
import { centralCustodyReport } from '../../core/report/makeCentralReport';
import { reportTexts } from '../../core/report/texts';
import { cosignedNote, publishWitnessKey, witnessCheckpoints, witnessFromKeyFile } from '../../core/central/witness';
import { bundleReasons } from '../../core/evidence/bundleReasons';
import { rawEd25519PublicKey } from '../../core/evidence/signedNote';
import { readIdentity } from '../../core/kiosk/identity';
import { writeExportFile } from '../../core/export/exportFile';
import { hashingOutput } from '../../core/export/hashingOutput';
import { EventType, eventTypeList } from '../../shared/contract/eventTypes';
import { AppError } from '../../shared/errors';
import { output, type CliCommand, type CliContext } from '../command';
import { openReadOnly, withDb } from '../database';
import { centralUrl, withCentralCli } from './centralShared';

/** Creates or migrates the central schema; with `--witness-key` also makes (if absent) and publishes the witness key. */
export const centralInit: CliCommand = {
  name: 'central init',
  summary: 'Create or migrate the central PostgreSQL schema (roles, tables, checks); optionally make the witness key',
  usage: 'central init --url URL [--witness-key FILE]',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' }, 'witness-key': { type: 'string' } } });
    const url = centralUrl(values.url);
    return withCentralCli(url, async (client) => {
      const migrated = await migrateCentral(client);
      const witness = values['witness-key'] ? witnessFromKeyFile(values['witness-key'], { create: true }) : undefined;
      if (witness) await publishWitnessKey(client, witness);
      output(ctx, { ...migrated, target: describeUrl(url), witnessKey: witness?.verifierKey ?? null }, () =>
        [
          `Centrale database / central database ${describeUrl(url)}: schema ${migrated.from} → ${migrated.to}`,
          ...(witness ? [`Getuigensleutel / witness key: ${witness.verifierKey}`] : []),
        ].join('\n'),
      );
      return 0;
    });
  },
};

/** Registers the kiosk of `--db` (its id and public key) and creates or renews its role; prints that role's password once. */
export const centralRegisterKiosk: CliCommand = {
  name: 'central register-kiosk',
  summary: "Register this kiosk database's kiosk and key in the central database; prints the kiosk role's new password once",
  usage: 'central register-kiosk --url URL [--school NAME] [--name NAME]',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' }, school: { type: 'string' }, name: { type: 'string' } } });
    const url = centralUrl(values.url);
    const identity = await withDb(openReadOnly(ctx.dbPath), (db) => readIdentity(db));
    if (!identity) throw new AppError('DB_CORRUPT', { reason: 'kiosk identity missing' });
    const publicKey = rawEd25519PublicKey(createPublicKey({ key: identity.publicKey, format: 'der', type: 'spki' }));
    return withCentralCli(url, async (client) => {
      const registered = await registerKiosk(client, {
        kioskId: identity.kioskId,
        publicKey,
        school: values.school ?? identity.school,
        name: values.name ?? identity.name,
      });
      output(ctx, registered, () =>
        [
          `Kiosk ${identity.kioskId} aangemeld / registered, rol / role ${registered.role}`,
          `Wachtwoord (eenmalig getoond) / password (shown once): ${registered.password}`,
        ].join('\n'),
      );
      return 0;
    });
  },
};

/** The witness: checks and cosigns what the kiosks signed. Runs on the central server, where its key file is. */
export const centralWitness: CliCommand = {
  name: 'central witness',
  summary: 'Check every new kiosk checkpoint against the stored chain and cosign it; exit 1 if one does not hold',
  usage: 'central witness --url URL --witness-key FILE',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' }, 'witness-key': { type: 'string' } } });
    if (!values['witness-key']) {
      ctx.io.stderr('Geef het sleutelbestand van de getuige / give the witness key file: --witness-key FILE\n');
      return 2;
    }
    const witness = witnessFromKeyFile(values['witness-key']);
    return withCentralCli(centralUrl(values.url), async (client) => {
      const result = await witnessCheckpoints(client, witness);
      output(ctx, result, () =>
        [
          `${result.cosigned} controlepunten medeondertekend / checkpoints cosigned, ${result.waiting} wachten op gebeurtenissen / waiting for events`,
          ...result.findings.map((f) => `Kiosk ${f.kioskId} controlepunt / checkpoint ${f.treeSize}: ${f.problem}`),
        ].join('\n'),
      );
      return result.findings.length === 0 ? 0 : 1;
    });
  },
};

/** The witness's verifier key from its key file, for the README's recipe and for `verify-bundle --witness`. */
export const centralWitnessKey: CliCommand = {
  name: 'central witness-key',
  summary: "Print the witness's verifier key (C2SP vkey, cosignature/v1) from its key file; no database needed",
  usage: 'central witness-key --witness-key FILE',
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { 'witness-key': { type: 'string' } } });
    if (!values['witness-key']) {
      ctx.io.stderr('Geef het sleutelbestand van de getuige / give the witness key file: --witness-key FILE\n');
      return 2;
    }
    const witness = witnessFromKeyFile(values['witness-key']);
    output(ctx, { name: witness.name, verifierKey: witness.verifierKey }, () => witness.verifierKey);
    return 0;
  },
};

/** A kiosk's newest cosigned checkpoint note, for `export --format bundle --cosigned FILE` on that kiosk or for an auditor. */
export const centralCosigned: CliCommand = {
  name: 'central cosigned',
  summary: "Write a kiosk's newest checkpoint as the witness cosigned it (or the one of --size N) to --out FILE or stdout",
  usage: 'central cosigned --url URL --kiosk ID [--size N] [--out FILE]',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: { url: { type: 'string' }, kiosk: { type: 'string' }, size: { type: 'string' }, out: { type: 'string' } },
    });
    const size = values.size === undefined ? undefined : Number(values.size);
    if (!values.kiosk || (size !== undefined && !Number.isSafeInteger(size))) {
      ctx.io.stderr('Usage: npm run cli -- central cosigned --url URL --kiosk ID [--size N] [--out FILE]\n');
      return 2;
    }
    const kioskId = values.kiosk;
    return withCentralCli(centralUrl(values.url), async (client) => {
      const found = await cosignedNote(client, kioskId, size);
      if (!found) {
        ctx.io.stderr('Nog geen medeondertekend controlepunt van deze kiosk / no cosigned checkpoint of this kiosk yet\n');
        return 1;
      }
      if (values.out === undefined) ctx.io.stdout(found.note);
      else {
        writeFileSync(values.out, found.note);
        output(ctx, { treeSize: found.treeSize, witness: found.witness, file: values.out }, () =>
          `Controlepunt / checkpoint ${found.treeSize}, medeondertekend door / cosigned by ${found.witness}: ${values.out}`,
        );
      }
      return 0;
    });
  },
};

/** Every kiosk's chain, checkpoints and cosignatures checked again, with what was found before. */
export const centralVerify: CliCommand = {
  name: 'central verify',
  summary: "Check every kiosk's chain, checkpoints and cosignatures in the central database; exit 1 if anything is wrong",
  usage: 'central verify --url URL',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' } } });
    return withCentralCli(centralUrl(values.url), async (client) => {
      const result = await verifyCentral(client);
      output(ctx, result, () =>
        result.kiosks
          .map((k) =>
            [
              `${k.ok ? 'OK  ' : 'FOUT'} ${k.school} / ${k.name} (${k.kioskId}): ${k.events} gebeurtenissen / events, ${k.checkpoints} controlepunten / checkpoints, ${k.cosigned} medeondertekend / cosigned${k.legacyCosigned > 0 ? ` (${k.legacyCosigned} in de oude vorm / in the old form)` : ''}`,
              ...k.problems.map((p) => `     ${p.seq}: ${p.problem}`),
              ...k.findings.map((f) => `     ${f.foundAt} ${f.source}: ${f.problem}${f.seq === null ? '' : ` (${f.seq})`}`),
            ].join('\n'),
          )
          .join('\n') || 'Nog geen kiosks aangemeld / no kiosks registered yet',
      );
      return result.ok ? 0 : 1;
    });
  },
};

/** The kiosk health view for the IT partner: last sync, last checkpoint, witness and findings per kiosk. */
export const centralStatus: CliCommand = {
  name: 'central status',
  summary: 'Per kiosk: last sync and its outcome, newest event, last checkpoint, last witnessed size, findings',
  usage: 'central status --url URL [--school NAME]',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' }, school: { type: 'string' } } });
    return withCentralCli(centralUrl(values.url), async (client) => {
      const kiosks = await kioskHealth(client, values.school === undefined ? {} : { school: values.school });
      output(ctx, { kiosks }, () =>
        kiosks
          .map(
            (k) =>
              `${k.state.padEnd(12)} ${k.school} / ${k.name}: seq ${k.headSeq}, sync ${k.lastSyncAt ?? '-'} (${k.lastSyncOutcome ?? '-'}), ` +
              `checkpoint ${k.lastCheckpointSize ?? '-'}, witnessed ${k.lastWitnessedSize ?? '-'}, findings ${k.findings}` +
              (k.lastTakenBack ? `, taken back after a restore ${k.lastTakenBack.events} (${k.lastTakenBack.at})` : ''),
          )
          .join('\n') || 'Nog geen kiosks aangemeld / no kiosks registered yet',
      );
      return kiosks.every((k) => k.state !== 'findings') ? 0 : 1;
    });
  },
};

/**
 * The cross-kiosk log, filtered by school, kiosk, days, event type, device and pupil: CSV made by
 * the server (COPY, PostgreSQL's plain CSV for tools) or XLSX for the office (the kiosk's XLSX
 * writer, through a cursor) or the printable PDF log (the kiosk's layout, ids for names, each kiosk's
 * witnessed checkpoint at the end). Streams to the file: the whole board's millions never sit in memory.
 * `--format bundle` rebuilds one kiosk's evidence bundle against its cosigned checkpoint, sealed
 * with the witness key (so it runs where that key file is, on the central server).
 */
export const centralExport: CliCommand = {
  name: 'central export',
  summary:
    "Every kiosk's events from the central database as CSV, XLSX or a printable PDF log, filtered by school, kiosk, days, type, device and pupil; or one kiosk's evidence bundle, sealed by the witness",
  usage:
    'central export --url URL --out FILE [--format csv|xlsx|pdf|bundle] [--lang nl|en] [--school NAME] [--kiosk ID …] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--type T[,T…]] [--device ID] [--pupil ID] [--witness-key FILE --size N --since CHECKPOINT (bundle)]',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        url: { type: 'string' },
        out: { type: 'string' },
        format: { type: 'string', default: 'csv' },
        lang: { type: 'string', default: 'nl' },
        school: { type: 'string' },
        kiosk: { type: 'string', multiple: true },
        from: { type: 'string' },
        to: { type: 'string' },
        type: { type: 'string' },
        device: { type: 'string' },
        pupil: { type: 'string' },
        'witness-key': { type: 'string' },
        size: { type: 'string' },
        since: { type: 'string' },
      },
    });
    const day = /^\d{4}-\d{2}-\d{2}$/;
    const format = values.format;
    const language = values.lang;
    const types = values.type?.split(',').map((t) => EventType.safeParse(t.trim()));
    const bundle = format === 'bundle';
    const size = values.size === undefined ? undefined : Number(values.size);
    if (
      !values.out ||
      (format !== 'csv' && format !== 'xlsx' && format !== 'pdf' && !bundle) ||
      // A bundle is one kiosk's chain, sealed with the witness key; --size and --since belong to it alone.
      (bundle && (values.kiosk?.length !== 1 || !values['witness-key'] || values.school !== undefined)) ||
      (!bundle && (values['witness-key'] !== undefined || values.size !== undefined || values.since !== undefined)) ||
      (size !== undefined && (!Number.isSafeInteger(size) || size < 0)) ||
      (language !== 'nl' && language !== 'en') ||
      [values.from, values.to].some((d) => d !== undefined && !day.test(d)) ||
      types?.some((t) => !t.success)
    ) {
      ctx.io.stderr(`Usage: npm run cli -- ${centralExport.usage}\n`);
      if (types?.some((t) => !t.success)) ctx.io.stderr(`--type: ${eventTypeList.join(', ')}\n`);
      return 2;
    }
    const out = values.out;
    // Days in UTC, `to` inclusive: occurred_at is stored as the kiosk wrote it (ISO 8601, UTC).
    const to = values.to === undefined ? undefined : new Date(Date.parse(`${values.to}T00:00:00.000Z`) + 86_400_000).toISOString();
    const filter = {
      ...(values.school === undefined ? {} : { school: values.school }),
      ...(values.kiosk === undefined ? {} : { kioskIds: values.kiosk }),
      ...(values.from === undefined ? {} : { from: `${values.from}T00:00:00.000Z` }),
      ...(to === undefined ? {} : { to }),
      ...(types === undefined ? {} : { types: types.flatMap((t) => (t.success ? [t.data] : [])) }),
      ...(values.device === undefined ? {} : { deviceId: values.device }),
      ...(values.pupil === undefined ? {} : { pupilId: values.pupil }),
    };
    if (bundle) {
      const witness = witnessFromKeyFile(values['witness-key'] as string);
      const since = values.since === undefined ? undefined : readFileSync(values.since, 'utf8');
      const { school: _school, kioskIds, ...within } = filter;
      const request = { kioskId: (kioskIds as string[])[0] as string, witness, filter: within, ...(size === undefined ? {} : { size }), ...(since === undefined ? {} : { since }) };
      return withCentralCli(centralUrl(values.url), async (client) => {
        const report = await writeExportFile(out, (stream) => exportCentralBundle(client, request, stream));
        output(ctx, { out, format, rows: report.rows, sha256: report.sha256, treeSize: report.checkpoint.treeSize }, () =>
          `${report.rows} gebeurtenissen / events written to ${out} (SHA-256 ${report.sha256}), controlepunt / checkpoint ${report.checkpoint.treeSize}, verzegeld door de getuige / sealed by the witness`,
        );
        return 0;
      });
    }
    if (format === 'pdf') {
      // The header states the selection as given; a half-written PDF is removed, not left behind.
      const scope = {
        ...(values.school === undefined ? {} : { school: values.school }),
        ...(values.kiosk === undefined ? {} : { kioskId: values.kiosk }),
        ...(values.from === undefined ? {} : { from: values.from }),
        ...(values.to === undefined ? {} : { to: values.to }),
        ...(filter.types === undefined ? {} : { types: filter.types }),
        ...(values.device === undefined ? {} : { deviceId: values.device }),
        ...(values.pupil === undefined ? {} : { pupilId: values.pupil }),
      };
      const lang: 'nl' | 'en' = language === 'en' ? 'en' : 'nl';
      const options = { language: lang, scope, madeBy: reportTexts[lang].systemActor, now: new Date() };
      return withCentralCli(centralUrl(values.url), async (client) => {
        const written = await writeHashed(out, (stream) => exportCentralPdf(client, stream, filter, options));
        reportWritten(ctx, out, format, written);
        return 0;
      });
    }
    return withCentralCli(centralUrl(values.url), async (client) => {
      const written =
        format === 'csv'
          ? await writeHashed(out, (stream) => exportCentralCsv(client, stream, filter))
          : await writeHashed(out, (stream) => exportCentralXlsx(client, stream, filter, { language }));
      reportWritten(ctx, out, format, written);
      return 0;
    });
  },
};

/**
 * Writes an export and hashes it on the way: the server keeps no record of a CLI export (there is
 * no ledger here), so the SHA-256 printed is what the IT partner keeps beside the file.
 */
function writeHashed(path: string, write: (out: Writable) => Promise<number>): Promise<{ rows: number; sha256: string }> {
  return writeExportFile(path, async (file) => {
    const hashed = hashingOutput(file);
    const rows = await write(hashed.stream);
    if (!hashed.stream.writableEnded) hashed.stream.end();
    return { rows, sha256: await hashed.done() };
  });
}

function reportWritten(ctx: CliContext, out: string, format: string, { rows, sha256 }: { rows: number; sha256: string }): void {
  output(ctx, { out, format, rows, sha256 }, () => `${rows} gebeurtenissen geschreven naar / events written to ${out} (SHA-256 ${sha256})`);
}

const REPORT_USAGE = 'central report --url URL --kiosk ID (--device ID | --incident SEQ) --out FILE.pdf [--lang nl|en]';

/**
 * The chain-of-custody report (PDF) of one kiosk's device or incident from the central database,
 * made against that kiosk's newest witnessed checkpoint (ids, no names: the centre has none).
 * Nothing is written to the central database; there is no kiosk ledger here to record it in.
 */
export const centralReport: CliCommand = {
  name: 'central report',
  summary: "Chain-of-custody report (PDF) of one kiosk's device or incident from the central database, against its witnessed checkpoint; exit 1 if that kiosk's chain does not verify",
  usage: REPORT_USAGE,
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.argv,
      options: {
        url: { type: 'string' },
        kiosk: { type: 'string' },
        device: { type: 'string' },
        incident: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string', default: 'nl' },
      },
    });
    const seq = values.incident === undefined ? null : Number(values.incident);
    const scope =
      values.device !== undefined && seq === null
        ? ({ kind: 'device', deviceId: values.device } as const)
        : values.device === undefined && seq !== null && Number.isSafeInteger(seq) && seq > 0
          ? ({ kind: 'incident', seq } as const)
          : null;
    const language = values.lang;
    const out = values.out;
    if (!scope || !values.kiosk || !out?.endsWith('.pdf') || (language !== 'nl' && language !== 'en')) {
      ctx.io.stderr(`Usage: npm run cli -- ${REPORT_USAGE}\n`);
      return 2;
    }
    const kioskId = values.kiosk;
    return withCentralCli(centralUrl(values.url), async (client) => {
      const made = await centralCustodyReport(client, { kioskId, scope, language, madeBy: null, now: new Date() });
      await writeFile(out, made.pdf);
      output(
        ctx,
        { file: out, pages: made.pageCount, events: made.events, verified: made.verified, checkpoint: made.checkpoint, sha256: made.sha256 },
        () =>
          [
            `${made.events} gebeurtenissen / events, ${made.pageCount} pagina's / pages: ${out}`,
            made.verified ? 'Keten van de kiosk in orde / kiosk chain verified' : 'KETEN VAN DE KIOSK NIET IN ORDE / KIOSK CHAIN DOES NOT VERIFY',
            `Medeondertekend controlepunt / witnessed checkpoint: ${made.checkpoint.treeSize} events`,
            `SHA-256: ${made.sha256}`,
          ].join('\n'),
      );
      return made.verified ? 0 : 1;
    });
  },
};

/** The office's way in for offline kiosks: one bundle, or every `.jsonl` in a folder (a USB stick), checked and imported. */
export const importBundleCommand: CliCommand = {
  name: 'import-bundle',
  summary: "Check evidence bundles (a file, or every .jsonl in a folder) against each kiosk's registered key and add their events to the central database; exit 1 if any was refused",
  usage: 'import-bundle FILE|DIR --url URL',
  async run(ctx) {
    const { values, positionals } = parseArgs({ args: ctx.argv, options: { url: { type: 'string' } }, allowPositionals: true });
    const [target] = positionals;
    if (!target) throw new AppError('INVALID_ARGUMENT', { field: 'FILE|DIR' });
    const files = statSync(target).isDirectory()
      ? readdirSync(target)
          .filter((name) => name.endsWith('.jsonl'))
          .sort()
          .map((name) => join(target, name))
      : [target];
    const url = centralUrl(values.url);
    return withCentralCli(url, async (client) => {
      const results: { file: string; result: BundleImport }[] = [];
      for (const file of files) results.push({ file: basename(file), result: await importBundle(client, readFileSync(file)) });
      output(ctx, { results }, () =>
        results
          .map(({ file, result }) => {
            if (result.outcome === 'not_verified') {
              const words = bundleReasons[result.reason];
              return `${file}: geweigerd / refused: ${result.reason}${result.line ? ` (regel/line ${result.line})` : ''}\n  ${words.nl}\n  ${words.en}`;
            }
            if (result.outcome === 'unknown_kiosk') return `${file}: onbekende kiosk / unknown kiosk ${result.kioskId} (central register-kiosk)`;
            if (result.outcome === 'central_bundle') {
              return `${file}: geweigerd / refused: central_bundle, uit een centrale database, niet van de kiosk zelf / made from a central database, not by the kiosk (${result.kioskId})`;
            }
            if (result.outcome === 'partial_bundle') {
              return `${file}: geweigerd / refused: partial_bundle, gefilterd, maar een deel van het logboek; maak een bewijsbestand zonder filter / filtered, only part of the log; make a bundle without a filter (${result.kioskId})`;
            }
            if (result.outcome === 'refused') return `${file}: geweigerd / refused: ${result.problem}${result.seq ? ` at seq ${result.seq}` : ''}`;
            const checkpoint = result.checkpoints > 0 ? ', controlepunt bewaard voor de getuige / checkpoint stored for the witness' : '';
            return `${file}: ${result.imported} toegevoegd / added, ${result.skipped} al aanwezig / already there${checkpoint} (${result.kioskId})`;
          })
          .join('\n') || 'Geen bundels gevonden / no bundles found',
      );
      return results.every(({ result }) => result.outcome === 'ok') ? 0 : 1;
    });
  },
};
