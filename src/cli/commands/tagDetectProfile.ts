import { parseArgs } from 'node:util';
import { output, type CliCommand } from '../command';
import { detectProfile } from '../../shared/scan/nfc';
import { AppError } from '../../shared/errors';

const USAGE = 'tag detect-profile --known UID READER_OUTPUT';

/** "Scan a reference tag": which input profile makes the reader's output mean the known UID. */
export const tagDetectProfile: CliCommand = {
  name: 'tag detect-profile',
  summary: 'Find a reader\'s input profile from a reference tag whose UID you know',
  usage: USAGE,
  run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      options: { known: { type: 'string' } },
      allowPositionals: true,
    });
    const raw = positionals.join(' ');
    if (!values.known || raw.trim() === '') {
      ctx.io.stderr(`Give --known (the tag's UID, e.g. as a phone shows it) and what the reader typed.\nUsage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const result = detectProfile(raw, values.known);
    if (!result.ok) throw new AppError('NFC_PROFILE_NOT_DETECTED', { reason: result.reason, candidates: result.candidates });
    output(ctx, result, () => result.profile);
    return 0;
  },
};
