import { parseArgs } from 'node:util';
import { kioskVerifierKey } from '../../core/kiosk/signer';
import { signedCheckpoints } from '../../core/ledger/signedCheckpoints';
import { checkOwnSignedCheckpoints } from '../../core/services/checkpoints';
import { output, type CliCommand } from '../command';
import { openCliCore, openReadOnly, readOnlyContext, withDb } from '../database';

const USAGE = 'checkpoints [--sign] [--note SIZE]';

/**
 * The kiosk's signed checkpoints: its verifier key (for the office, a witness or the standard
 * `note` tools), each checkpoint with its tree size, and whether each still holds against the
 * key and the chain. `--sign` signs the chain as it stands now; `--note SIZE` prints one signed
 * note exactly as it was signed.
 */
export const checkpoints: CliCommand = {
  name: 'checkpoints',
  summary: "List the kiosk's signed checkpoints and its verifier key, check them, sign one now, or print one",
  usage: USAGE,
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { sign: { type: 'boolean' }, note: { type: 'string' } } });
    if (values.sign) {
      const core = openCliCore(ctx.dbPath);
      try {
        core.services.signCheckpoint('on_request');
      } finally {
        core.close();
      }
    }
    return withDb(openReadOnly(ctx.dbPath), (db) => {
      const context = readOnlyContext(db);
      const all = signedCheckpoints(db, context.kioskId);
      if (values.note !== undefined) {
        const wanted = all.find((c) => String(c.treeSize) === values.note);
        if (!wanted) {
          ctx.io.stderr(`Geen ondertekend controlepunt bij ${values.note} / no signed checkpoint at tree size ${values.note}\n`);
          return 1;
        }
        ctx.io.stdout(wanted.note);
        return 0;
      }
      const check = checkOwnSignedCheckpoints(context);
      const vkey = kioskVerifierKey(db);
      const list = all.map((c) => ({ treeSize: c.treeSize, root: c.root.toString('base64'), reason: c.reason, signedAt: c.signedAt }));
      output(ctx, { verifierKey: vkey, checkpoints: list, findings: check.findings }, () =>
        [
          `Verificatiesleutel / verifier key: ${vkey}`,
          ...list.map((c) => `${String(c.treeSize).padStart(8)}  ${c.signedAt}  ${c.reason.padEnd(10)}  ${c.root}`),
          check.findings.length === 0
            ? `${check.checked} ondertekende controlepunten kloppen / signed checkpoints hold`
            : check.findings.map((f) => `Controlepunt ${f.treeSize} klopt NIET / checkpoint FAILS: ${f.problem}`).join('\n'),
        ].join('\n'),
      );
      return check.findings.length === 0 ? 0 : 1;
    });
  },
};

/** The name for it; `--json` (global) gives the same document. */
export const checkpoint: CliCommand = { ...checkpoints, name: 'checkpoint', summary: 'Same as checkpoints', usage: 'checkpoint [--sign] [--note SIZE] [--json]' };
