import { parseArgs } from 'node:util';
import { output, type CliCommand } from '../command';
import { newOwnCode } from '../../shared/scan/codes';

const MAX = 10_000;

/** Fresh sticker codes (IP + 8 + check character). Registering them as tags is the office's job. */
export const codesNew: CliCommand = {
  name: 'codes new',
  summary: 'Generate new sticker codes (0-9A-Z with a check character)',
  usage: 'codes new [--count N]',
  run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { count: { type: 'string', default: '1' } } });
    const count = Number(values.count);
    if (!Number.isInteger(count) || count < 1 || count > MAX) {
      ctx.io.stderr(`--count must be a whole number from 1 to ${MAX}.\n`);
      return 2;
    }
    const codes = new Set<string>();
    while (codes.size < count) codes.add(newOwnCode());
    output(ctx, { codes: [...codes] }, () => [...codes].join('\n'));
    return 0;
  },
};
