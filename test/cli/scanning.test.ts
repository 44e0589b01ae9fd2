import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { commands } from '../../src/cli/commands';
import type { CliCommand } from '../../src/cli/command';
import { makeScannersCommand } from '../../src/cli/commands/scanners';
import { makeScannersListenCommand, parseUsbId } from '../../src/cli/commands/scannersListen';
import type { HidDeviceSummary } from '../../src/core/hid/devices';
import { isValidOwnCode } from '../../src/shared/scan/codes';
import { barcodePng } from '../support/barcodes';

async function cli(argv: string[], { stdin = [] as string[], only = commands as CliCommand[] } = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stdin: Readable.from(stdin) },
    only,
  );
  return { code, stdout, stderr };
}

const hex = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join(' ');

/** A HID-POS report as hex: id 2, length, ]C0, data, zero padding, continuation byte. */
function posLine(text: string, more = false): string {
  const r = new Array<number>(64).fill(0);
  r[0] = 2;
  r[1] = text.length;
  [...`]C0${text}`].forEach((c, i) => (r[2 + i] = c.charCodeAt(0)));
  r[63] = more ? 1 : 0;
  return hex(r);
}

describe('codes new', () => {
  it('prints N fresh, valid, distinct sticker codes', async () => {
    const { code, stdout } = await cli(['codes', 'new', '--count', '25']);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(25);
    expect(new Set(lines).size).toBe(25);
    expect(lines.every(isValidOwnCode)).toBe(true);
  });

  it('gives JSON with --json and refuses a silly count', async () => {
    const { stdout } = await cli(['codes', 'new', '--json']);
    expect((JSON.parse(stdout) as { codes: string[] }).codes).toHaveLength(1);
    expect((await cli(['codes', 'new', '--count', 'lots'])).code).toBe(2);
  });
});

describe('tag normalize / tag detect-profile', () => {
  it('prints the canonical UID for a reader profile', async () => {
    const { code, stdout } = await cli(['tag', 'normalize', '--profile', 'decimal-reversed', '1295788826']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1A2B3C4D {3}\(4-byte UID/);
  });

  it('keeps the raw value beside the canonical one in JSON', async () => {
    const { stdout } = await cli(['tag', 'normalize', '--json', '--profile', 'hex', '04:a2:b3:c4:d5:e6:f7']);
    expect(JSON.parse(stdout)).toEqual({ canonical: '04A2B3C4D5E6F7', raw: '04:a2:b3:c4:d5:e6:f7', profile: 'hex', byteLength: 7 });
  });

  it('refuses a phone\'s random UID with its own message, in Dutch and English, exit 1', async () => {
    const { code, stderr } = await cli(['tag', 'normalize', '--profile', 'hex', '08123456']);
    expect(code).toBe(1);
    expect(stderr).toContain('RANDOM_NFC_UID');
    expect(stderr).toContain('wisselend NFC-nummer');
  });

  it('exits 2 on a missing or unknown profile', async () => {
    expect((await cli(['tag', 'normalize', '--profile', 'octal', '123'])).code).toBe(2);
    expect((await cli(['tag', 'normalize', '123'])).code).toBe(2);
  });

  it('detects the profile from a reference tag', async () => {
    const { code, stdout } = await cli(['tag', 'detect-profile', '--known', '04:A2:B3:C4:D5:E6:F7', 'F7E6D5C4B3A204']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe('hex-reversed');
    const ambiguous = await cli(['tag', 'detect-profile', '--json', '--known', '1A2B2B1A', '1A2B2B1A']);
    expect(ambiguous.code).toBe(1);
    expect(JSON.parse(ambiguous.stderr)).toMatchObject({ error: { code: 'NFC_PROFILE_NOT_DETECTED' } });
  });
});

describe('decode-hid', () => {
  it('decodes HID-POS reports from stdin, joining a code split over two reports', async () => {
    const long = 'IP7K2M9QXA7'.repeat(6); // 66 characters: two reports
    const { code, stdout } = await cli(['decode-hid', '--format', 'hidpos'], {
      stdin: [
        `# recorded from a Honeywell 1470g\n`,
        `${posLine('IP7K2M9QXA7')}\n`,
        `${posLine(long.slice(0, 56), true)}\n${posLine(long.slice(56))}\n`,
      ],
    });
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toEqual(['IP7K2M9QXA7  ]C0', `${long}  ]C0`]);
  });

  it('decodes boot keyboard reports and flags a misread of our own code', async () => {
    // "IP7K2M9QXA0": a wrong check character. Shift+I, Shift+P, 7, …
    const keys: Array<[number, number]> = [
      [2, 0x0c], [2, 0x13], [0, 0x24], [2, 0x0e], [0, 0x1f], [2, 0x10], [0, 0x26], [2, 0x14], [2, 0x1b], [2, 0x04], [0, 0x27], [0, 0x28],
    ];
    const lines = keys.flatMap(([mod, usage]) => [hex([mod, 0, usage, 0, 0, 0, 0, 0]), hex([0, 0, 0, 0, 0, 0, 0, 0])]);
    const { code, stdout } = await cli(['decode-hid', '--json', '--format', 'boot'], { stdin: [lines.join('\n')] });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      format: 'boot',
      scans: [{ raw: 'IP7K2M9QXA0', code: 'IP7K2M9QXA0', symbology: null, error: 'MISREAD_CODE' }],
      badLines: [],
    });
  });

  it('names lines that are not hex and exits 1', async () => {
    const { code, stdout } = await cli(['decode-hid', '--format', 'hidpos'], { stdin: [`${posLine('42')}\nhello\n`] });
    expect(code).toBe(1);
    expect(stdout).toContain('line 2');
  });

  it('exits 2 without a format', async () => {
    expect((await cli(['decode-hid'])).code).toBe(2);
  });
});

describe('decode-image', () => {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-decode-'));

  it('reads a Code 128 sticker from a PNG', async () => {
    const file = join(dir, 'sticker.png');
    writeFileSync(file, await barcodePng('code128', 'IP7K2M9QXA7', 2));
    const { code, stdout } = await cli(['decode-image', '--json', file]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ text: 'IP7K2M9QXA7', format: 'CODE_128', code: 'IP7K2M9QXA7', error: null });
  });

  it('reads a QR code turned on its side', async () => {
    const file = join(dir, 'qr.png');
    writeFileSync(file, await barcodePng('qrcode', 'IP7K2M9QXA7', 3, 'R'));
    const { code, stdout } = await cli(['decode-image', file]);
    expect(code).toBe(0);
    expect(stdout).toContain('IP7K2M9QXA7   (QR_CODE)');
  });

  it('reads the Code 39 on a pupil card and the EAN-8 on a small box', async () => {
    const card = join(dir, 'card.png');
    writeFileSync(card, await barcodePng('code39', 'LLN0042137', 2));
    expect((await cli(['decode-image', card])).stdout).toContain('LLN0042137   (CODE_39)');
    const box = join(dir, 'box.png');
    writeFileSync(box, await barcodePng('ean8', '96385074', 3));
    expect((await cli(['decode-image', box])).stdout).toContain('96385074   (EAN_8)');
  });

  it('exits 1 when the image holds no code, or is no image, or is missing', async () => {
    const blank = join(dir, 'blank.png');
    const { PNG } = await import('pngjs');
    const png = new PNG({ width: 64, height: 64 });
    png.data.fill(255);
    writeFileSync(blank, PNG.sync.write(png));
    const none = await cli(['decode-image', blank]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('NO_CODE_IN_IMAGE');
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'not an image');
    expect((await cli(['decode-image', text])).stderr).toContain('IMAGE_UNREADABLE');
    expect((await cli(['decode-image', join(dir, 'missing.png')])).code).toBe(1);
  });
});

class FakeDevice extends EventEmitter {
  close() {}
}

const SCANNER: HidDeviceSummary = {
  vendorId: 0x0c2e,
  productId: 0x0b61,
  usagePage: 0x8c,
  usage: 0x02,
  product: 'Barcode Scanner',
  manufacturer: 'Honeywell',
  path: '/dev/hidraw3',
};
const KEYBOARD: HidDeviceSummary = { ...SCANNER, vendorId: 0x046d, productId: 0xc31c, usagePage: 1, usage: 6, product: 'USB Keyboard', manufacturer: 'Logitech', path: '/dev/hidraw0' };

describe('scanners', () => {
  it('lists HID devices with ids, usage page and whether each opens', async () => {
    const command = makeScannersCommand({
      listDevices: async () => [SCANNER, KEYBOARD],
      open: (d) => {
        if (d.vendorId === KEYBOARD.vendorId) throw new Error('cannot open device');
        return new FakeDevice();
      },
    });
    const { code, stdout } = await cli(['scanners', '--json'], { only: [command] });
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      devices: [
        { vendorId: '0c2e', productId: '0b61', usagePage: '008c', usage: '0002', kind: 'HID-POS scanner', product: 'Barcode Scanner', manufacturer: 'Honeywell', canOpen: true, openError: null },
        { vendorId: '046d', productId: 'c31c', usagePage: '0001', usage: '0006', kind: 'keyboard', product: 'USB Keyboard', manufacturer: 'Logitech', canOpen: false, openError: 'cannot open device' },
      ],
    });
    const human = await cli(['scanners'], { only: [command] });
    expect(human.stdout).toContain('0c2e:0b61  008c:0002   yes');
    expect(human.stdout).toContain('cannot open: cannot open device');
  });

  it('says what to check when nothing is visible', async () => {
    const command = makeScannersCommand({ listDevices: async () => [], open: () => new FakeDevice() });
    expect((await cli(['scanners'], { only: [command] })).stdout).toContain('No HID devices visible');
  });

  it('runs against the real node-hid here (whatever this machine has)', async () => {
    const { code, stdout } = await cli(['scanners', '--json']);
    expect(code).toBe(0);
    expect(Array.isArray((JSON.parse(stdout) as { devices: unknown[] }).devices)).toBe(true);
  });
});

describe('scanners listen', () => {
  it('prints scans live until Ctrl+C, and says when the scanner comes and goes', async () => {
    const device = new FakeDevice();
    let interrupt: () => void = () => {};
    const listen = makeScannersListenCommand({
      listDevices: async () => [SCANNER],
      open: () => device,
      untilInterrupted: () => new Promise((resolve) => (interrupt = resolve)),
    });
    const running = cli(['scanners', 'listen', '--json', '--vid', '0C2E', '--pid', '0x0b61', '--usage-page', '8c'], { only: [listen] });
    await new Promise((r) => setTimeout(r, 10));
    const report = Buffer.from(posLine('IP7K2M9QXA7').split(' ').map((h) => Number.parseInt(h, 16)));
    device.emit('data', report);
    interrupt();
    const { code, stdout } = await running;
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type === 'scan' ? l.code : l.state)).toEqual(['connecting', 'connecting', 'connected', 'IP7K2M9QXA7', 'stopped']);
    expect(lines[3]).toMatchObject({ type: 'scan', source: 'hid', raw: 'IP7K2M9QXA7' });
  });

  it('exits 2 without valid ids', async () => {
    expect((await cli(['scanners', 'listen', '--vid', 'honeywell', '--pid', '1'])).code).toBe(2);
    expect((await cli(['scanners', 'listen', '--vid', '0c2e', '--pid', '0b61', '--format', 'serial'])).code).toBe(2);
  });

  it.each([
    ['0c2e', 0x0c2e],
    ['0x0C2E', 0x0c2e],
    ['8c', 0x8c],
    ['12345', null],
    [undefined, null],
  ])('reads USB id %j as hex', (text, value) => {
    expect(parseUsbId(text)).toBe(value);
  });
});
