import { parseArgs } from 'node:util';
import { output, type CliCommand } from '../command';
import { isNfcProfile, nfcProfiles, parseNfcUid } from '../../shared/scan/nfc';

const USAGE = `tag normalize --profile ${nfcProfiles.join('|')} VALUE`;

/** Shows which canonical id an NFC reader's output maps to under a profile (refusals as errors). */
export const tagNormalize: CliCommand = {
  name: 'tag normalize',
  summary: 'Turn an NFC reader\'s output into the canonical tag id under an input profile',
  usage: USAGE,
  run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      options: { profile: { type: 'string' } },
      allowPositionals: true,
    });
    const raw = positionals.join(' ');
    if (!isNfcProfile(values.profile) || raw.trim() === '') {
      ctx.io.stderr(`Give --profile (${nfcProfiles.join(', ')}) and the value the reader typed.\nUsage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const uid = parseNfcUid(raw, values.profile); // AppError → printed by runCli, exit 1
    output(ctx, uid, () => `${uid.canonical}   (${uid.byteLength}-byte UID; ${uid.profile} ${JSON.stringify(uid.raw)})`);
    return 0;
  },
};
