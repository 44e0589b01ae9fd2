import { parseArgs } from 'node:util';
import { PUPIL_ACTOR } from '../../core/ledger/events';
import type { CustodyOutcome } from '../../shared/contract';
import type { ScanMode } from '../../core/services/custody/scan';
import { isAppErrorOf } from '../../shared/errors';
import { output, type CliCommand } from '../command';
import { openCliCore } from '../database';

const USAGE = 'scan CODE --mode hand-in|return [--actor STAFF_ID]';
const modes: readonly ScanMode[] = ['hand-in', 'return'];

/**
 * One scan, exactly as at the door: the kiosk's own `scan` service, in one transaction. For IT
 * checks and scripts; refusals (unknown or revoked tag, already handed in) exit 1 with the
 * message in Dutch and English.
 */
export const scan: CliCommand = {
  name: 'scan',
  summary: 'Hand in or return by code, through the same scan service the kiosk uses',
  usage: USAGE,
  run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      options: { mode: { type: 'string' }, actor: { type: 'string', default: PUPIL_ACTOR } },
      allowPositionals: true,
    });
    const mode = modes.find((m) => m === values.mode);
    const [code] = positionals;
    if (!mode || !code || positionals.length !== 1) {
      ctx.io.stderr(`Give one CODE and --mode hand-in or --mode return.\nUsage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const core = openCliCore(ctx.dbPath);
    try {
      const result = core.services.scan({ code, mode, actor: values.actor });
      output(ctx, result, () => describe(mode, result));
      return 0;
    } catch (error) {
      // The kiosk shows a choice; a terminal lists the devices so the caller can scan a sticker.
      if (isAppErrorOf(error, 'CHOOSE_DEVICE') && !ctx.json) {
        const devices = error.details?.devices ?? [];
        ctx.io.stderr(devices.map((d) => `  ${d.deviceId}  ${d.kind}  ${d.description}`).join('\n') + '\n');
      }
      throw error;
    } finally {
      core.close();
    }
  },
};

function describe(mode: ScanMode, r: CustodyOutcome): string {
  const what = mode === 'hand-in' ? 'Ingeleverd / handed in' : 'Teruggegeven / returned';
  const who = r.pupil ? `${r.pupil.roepnaam ?? 'leerling / pupil'} (${r.pupil.groep})` : '—';
  const where = r.pouch ? `, vak ${r.pouch.number} ${r.pouch.locationName}` : '';
  const repeat = r.repeat ? ' — al gescand, niets opnieuw vastgelegd / repeat scan, nothing recorded again' : '';
  return `${what}: ${who} — ${r.device.description || r.device.kind}${where} (seq ${r.event.seq})${repeat}`;
}
