import { output, type CliCommand } from '../command';
import { listNodeHidDevices, openNodeHid } from '../../core/hid/nodeHid';
import type { HidDeviceInfo, ListHidDevices, OpenHidDevice } from '../../core/hid/readerService';
import { listHidDevices, type HidDeviceSummary } from '../../core/hid/devices';

export interface ScannersDeps {
  listDevices(): Promise<HidDeviceSummary[]>;
  open: OpenHidDevice;
}

interface ScannerRow {
  vendorId: string;
  productId: string;
  usagePage: string | null;
  usage: string | null;
  kind: string;
  product: string | null;
  manufacturer: string | null;
  canOpen: boolean;
  openError: string | null;
}

/** Lists the HID devices and tries to open each, so an IT partner sees which vid:pid to configure. */
export function makeScannersCommand(deps: ScannersDeps): CliCommand {
  return {
    name: 'scanners',
    summary: 'List HID devices (vendor/product id, usage page) and whether each can be opened',
    usage: 'scanners [--json]',
    async run(ctx) {
      const devices = await deps.listDevices();
      const rows: ScannerRow[] = [];
      for (const d of devices) rows.push({ ...describe(d), ...(await tryOpen(deps.open, d)) });
      output(ctx, { devices: rows }, () =>
        rows.length === 0
          ? 'No HID devices visible. Is the scanner plugged in? On Linux, check the udev rule for hidraw.'
          : [
              'VID:PID    page:usage  opens  kind                product (manufacturer)',
              ...rows.map(
                (r) =>
                  `${r.vendorId}:${r.productId}  ${r.usagePage ?? '----'}:${r.usage ?? '----'}   ${r.canOpen ? 'yes' : 'no '}    ${r.kind.padEnd(18)}  ${r.product ?? '?'} (${r.manufacturer ?? '?'})${r.openError ? `\n           cannot open: ${r.openError}` : ''}`,
              ),
              '',
              'Configure a scanner by its VID:PID (hex) and, if it shows several lines, its usage page:',
              '0x008c is HID-POS (format hidpos), 0x0001:0x0006 a keyboard (format boot).',
            ].join('\n'),
      );
      return 0;
    },
  };
}

export const hex4 = (n: number) => n.toString(16).padStart(4, '0');

function describe(d: HidDeviceSummary) {
  return {
    vendorId: hex4(d.vendorId),
    productId: hex4(d.productId),
    usagePage: d.usagePage === null ? null : hex4(d.usagePage),
    usage: d.usage === null ? null : hex4(d.usage),
    kind: kindOf(d),
    product: d.product,
    manufacturer: d.manufacturer,
  };
}

function kindOf(d: HidDeviceSummary): string {
  if (d.usagePage === 0x8c) return 'HID-POS scanner';
  if (d.usagePage === 0x01 && d.usage === 0x06) return 'keyboard';
  if (d.usagePage === 0x01 && d.usage === 0x02) return 'mouse';
  if (d.usagePage !== null && d.usagePage >= 0xff00) return 'vendor-defined';
  return 'other';
}

async function tryOpen(open: OpenHidDevice, d: HidDeviceSummary): Promise<{ canOpen: boolean; openError: string | null }> {
  const info: HidDeviceInfo = { vendorId: d.vendorId, productId: d.productId, usagePage: d.usagePage, path: d.path };
  try {
    const handle = await open(info);
    handle.close();
    return { canOpen: true, openError: null };
  } catch (error) {
    return { canOpen: false, openError: (error as Error).message };
  }
}

export const scanners = makeScannersCommand({ listDevices: listHidDevices, open: openNodeHid });

/** Used by `scanners listen` too. */
export const nodeHidDeps: { listDevices: ListHidDevices; open: OpenHidDevice } = {
  listDevices: listNodeHidDevices,
  open: openNodeHid,
};
