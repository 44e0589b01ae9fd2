import { accessSync, constants, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { bundleReasons } from '../../core/evidence/bundleReasons';
import { verifyBundleFile } from '../../core/evidence/verifyBundle';
import { output, type CliCommand } from '../command';

const USAGE = 'verify-bundle FILE [--since CHECKPOINT] [--key VKEY] [--witness VKEY]';

/**
 * Checks an evidence bundle without the database it came from: the signature with the key the
 * reader pins (`--key`, else the bundle's own, which is said), every event, the chain, the proofs,
 * with `--since` an earlier checkpoint the reader kept, and with `--witness` the cosignature of a
 * witness (the board's central server) on the checkpoint. Exit 1 names the reason (a stable code).
 */
export const verifyBundleCommand: CliCommand = {
  name: 'verify-bundle',
  summary: 'Check an evidence bundle: signature, every event hash, the chain, the proofs, an earlier checkpoint (--since), a witness (--witness)',
  usage: USAGE,
  run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      allowPositionals: true,
      options: { since: { type: 'string' }, key: { type: 'string' }, witness: { type: 'string' } },
    });
    const [file] = positionals;
    if (!file || positionals.length > 1) {
      ctx.io.stderr(`Usage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const read = (path: string) => {
      try {
        return readFileSync(path);
      } catch {
        throw new AppError('FILE_NOT_FOUND', { path });
      }
    };
    try {
      accessSync(file, constants.R_OK);
    } catch {
      throw new AppError('FILE_NOT_FOUND', { path: file });
    }
    // Read a few megabytes at a time, not whole: a board's bundle of a million events is half a gigabyte.
    const verdict = verifyBundleFile(file, {
      ...(values.key === undefined ? {} : { key: values.key.trim() }),
      ...(values.since === undefined ? {} : { since: read(values.since).toString('utf8') }),
      ...(values.witness === undefined ? {} : { witness: values.witness.trim(), now: Math.floor(Date.now() / 1000) }),
    });
    if (!verdict.ok) {
      const message = bundleReasons[verdict.reason];
      const where = [verdict.line === undefined ? '' : ` (regel / line ${verdict.line})`, verdict.seq === undefined ? '' : ` (seq ${verdict.seq})`].join('');
      output(ctx, { ok: false, reason: verdict.reason, line: verdict.line ?? null, seq: verdict.seq ?? null, message }, () =>
        [`Bewijsbestand klopt NIET / bundle FAILS: ${verdict.reason}${where}`, message.nl, message.en].join('\n'),
      );
      return 1;
    }
    const summary = {
      ok: true,
      origin: verdict.header.origin,
      treeSize: verdict.treeSize,
      events: verdict.events,
      redacted: verdict.redacted,
      keyPinned: verdict.keyPinned,
      consistentWith: verdict.consistentWith,
      witnessed: verdict.witnessed,
      sealedBy: verdict.sealedBy,
    };
    output(ctx, summary, () =>
      [
        `Bewijsbestand klopt / bundle verifies: ${verdict.events} gebeurtenissen / events, boom / tree ${verdict.treeSize} (${verdict.header.origin})`,
        verdict.redacted > 0 ? `${verdict.redacted} met gewiste tekst (bewaartermijn) / with erased text (retention)` : '',
        verdict.consistentWith === null
          ? ''
          : `Sluit aan op het eerdere controlepunt / extends the earlier checkpoint (${verdict.consistentWith})`,
        verdict.witnessed === null
          ? ''
          : `Medeondertekend door / cosigned by ${verdict.witnessed.witness}${verdict.witnessed.time === null ? '' : ` (${new Date(verdict.witnessed.time * 1000).toISOString()})`}`,
        verdict.sealedBy === 'witness'
          ? 'Uit de centrale database, verzegeld door de getuige (zonder teksten als namen en notities) / from the central database, sealed by the witness (without texts such as names and notes)'
          : '',
        verdict.keyPinned
          ? ''
          : 'Let op: gecontroleerd met de sleutel uit het bestand zelf; geef --key met uw eigen kopie / Note: checked with the key in the file itself; pass --key with your own copy',
      ]
        .filter(Boolean)
        .join('\n'),
    );
    return 0;
  },
};
