import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { output, type CliCommand } from '../command';
import { isHidFormat } from '../../core/hid/decoder';
import { createDecoder, parseHexReport } from '../../core/hid/decoders';
import { tryCanonicalizeScan } from '../../shared/scan/canonical';

const USAGE = 'decode-hid --format boot|hidpos < reports.txt   (one report per line, in hex)';

interface DecodedLine {
  raw: string;
  code: string;
  symbology: string | null;
  error: string | null;
}

/**
 * Decodes recorded HID reports (one per line, hex, e.g. from `scanners listen` on another machine,
 * a USB capture, or a vendor's manual) the way the kiosk would. Lines starting with # are comments.
 */
export const decodeHid: CliCommand = {
  name: 'decode-hid',
  summary: 'Decode HID reports (hex, one per line on stdin) into scans',
  usage: USAGE,
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.argv, options: { format: { type: 'string' } } });
    if (!isHidFormat(values.format)) {
      ctx.io.stderr(`--format must be boot or hidpos.\nUsage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    const decoder = createDecoder(values.format);
    const scans: DecodedLine[] = [];
    const badLines: number[] = [];
    let lineNumber = 0;
    for await (const line of createInterface({ input: ctx.io.stdin, crlfDelay: Infinity })) {
      lineNumber++;
      if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
      const report = parseHexReport(line);
      if (!report) {
        badLines.push(lineNumber);
        continue;
      }
      for (const scan of decoder.push(report)) {
        const result = tryCanonicalizeScan(scan.raw);
        scans.push({ raw: scan.raw, code: result.code, symbology: scan.symbology, error: result.ok ? null : result.error.code });
      }
    }
    output(ctx, { format: values.format, scans, badLines }, () =>
      [
        ...scans.map((s) => `${s.code}${s.symbology ? `  ${s.symbology}` : ''}${s.error ? `  ${s.error}` : ''}`),
        ...(scans.length === 0 ? ['(no complete scan in these reports)'] : []),
        ...(badLines.length > 0 ? [`Not hex, skipped: line ${badLines.join(', ')}`] : []),
      ].join('\n'),
    );
    return badLines.length > 0 ? 1 : 0;
  },
};
