import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { createHidReaderService, type ListHidDevices, type OpenHidDevice, type ReaderState } from '../../core/hid/readerService';
import { isHidFormat } from '../../core/hid/decoder';
import { errorMessages } from '../../shared/errors';
import { nodeHidDeps } from './scanners';

export interface ScannersListenDeps {
  listDevices: ListHidDevices;
  open: OpenHidDevice;
  /** Resolves when the user presses Ctrl+C. */
  untilInterrupted(): Promise<void>;
}

const USAGE = 'scanners listen --vid VID --pid PID [--format hidpos|boot] [--usage-page PAGE] [--json]';

/**
 * Opens one scanner exactly as the kiosk would and prints what it reads, live, until Ctrl+C; it
 * reconnects when unplugged and plugged back, and says so. With --json: one JSON object per line.
 */
export function makeScannersListenCommand(deps: ScannersListenDeps): CliCommand {
  return {
    name: 'scanners listen',
    summary: 'Print scans from one HID scanner live (reconnects when unplugged) until Ctrl+C',
    usage: USAGE,
    async run(ctx) {
      const { values } = parseArgs({
        args: ctx.argv,
        options: {
          vid: { type: 'string' },
          pid: { type: 'string' },
          format: { type: 'string', default: 'hidpos' },
          'usage-page': { type: 'string' },
        },
      });
      const vendorId = parseUsbId(values.vid);
      const productId = parseUsbId(values.pid);
      const usagePage = values['usage-page'] === undefined ? undefined : parseUsbId(values['usage-page']);
      if (vendorId === null || productId === null || usagePage === null || !isHidFormat(values.format)) {
        ctx.io.stderr(`Give --vid and --pid in hex (as \`scanners\` shows them) and --format hidpos or boot.\nUsage: npm run cli -- ${USAGE}\n`);
        return 2;
      }
      const line = (data: unknown, human: string) => ctx.io.stdout(ctx.json ? `${JSON.stringify(data)}\n` : `${human}\n`);
      const service = createHidReaderService({
        vendorId,
        productId,
        ...(usagePage !== undefined ? { usagePage } : {}),
        format: values.format,
        listDevices: deps.listDevices,
        open: deps.open,
        onScan: (event) => line({ type: 'scan', ...event }, `${new Date(event.at).toISOString()}  ${event.code}${event.code !== event.raw ? `  (raw ${JSON.stringify(event.raw)})` : ''}`),
        onState: (state) => line({ type: 'state', ...state }, describeState(state)),
      });
      if (!ctx.json) ctx.io.stderr(`Listening to ${values.vid}:${values.pid} (${values.format}). Press Ctrl+C to stop.\n`);
      service.start();
      await deps.untilInterrupted();
      service.stop();
      return 0;
    },
  };
}

function describeState(state: ReaderState): string {
  switch (state.state) {
    case 'connected':
      return '— scanner connected; scan something';
    case 'waiting-for-device':
      return `— ${errorMessages.SCANNER_NOT_FOUND.en} Waiting for it…`;
    case 'retrying':
      return `— ${errorMessages[state.error].en} Trying again in ${(state.retryInMs / 1000).toFixed(1)} s.`;
    case 'connecting':
      return '— opening…';
    case 'stopped':
      return '— stopped';
  }
}

/** USB ids are written in hex everywhere (lsusb, Device Manager): "0c2e", "0x0C2E". */
export function parseUsbId(text: string | undefined): number | null {
  if (text === undefined || !/^(0x)?[0-9a-f]{1,4}$/i.test(text.trim())) return null;
  return Number.parseInt(text.trim().replace(/^0x/i, ''), 16);
}

export const scannersListen = makeScannersListenCommand({
  ...nodeHidDeps,
  untilInterrupted: () => new Promise((resolve) => process.once('SIGINT', () => resolve())),
});
