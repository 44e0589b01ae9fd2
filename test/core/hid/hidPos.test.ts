import { describe, expect, it } from 'vitest';
import { createHidPosDecoder } from '../../../src/core/hid/hidPos';
import { parseHexReport } from '../../../src/core/hid/decoders';

const ascii = (s: string) => [...new TextEncoder().encode(s)];

/** A 64-byte HID-POS input report: id 0x02, length, AIM id, data (≤ 56 bytes), trailer. */
function posReport(aim: string, data: number[], more = false, id = 0x02): Uint8Array {
  const r = new Uint8Array(64);
  r[0] = id;
  r[1] = data.length;
  r.set(ascii(aim), 2);
  r.set(data, 5);
  r[61] = 0x00; // vendor symbology id
  r[63] = more ? 0x01 : 0x00;
  return r;
}

/** Splits data into 56-byte reports, as a scanner does for a long code. */
function posReports(aim: string, text: string): Uint8Array[] {
  const bytes = ascii(text);
  const out: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += 56) out.push(posReport(aim, bytes.slice(i, i + 56), i + 56 < bytes.length));
  return out;
}

describe('HID-POS barcode scanner reports (usage page 0x8C)', () => {
  it('reads a Code 128 sticker with its AIM symbology id', () => {
    const decoder = createHidPosDecoder();
    expect(decoder.push(posReport(']C0', ascii('IP7K2M9QXA7')))).toEqual([{ raw: 'IP7K2M9QXA7', symbology: ']C0' }]);
  });

  it('reads an EAN-13 from a phone box', () => {
    expect(createHidPosDecoder().push(posReport(']E0', ascii('8712345678906')))).toEqual([{ raw: '8712345678906', symbology: ']E0' }]);
  });

  it('joins a long QR code sent in three reports (continuation bit in the last byte)', () => {
    const text = `https://school.example/tag/${'X'.repeat(100)}`;
    const reports = posReports(']Q1', text);
    expect(reports).toHaveLength(3);
    const decoder = createHidPosDecoder();
    expect(decoder.push(reports[0]!)).toEqual([]);
    expect(decoder.push(reports[1]!)).toEqual([]);
    expect(decoder.push(reports[2]!)).toEqual([{ raw: text, symbology: ']Q1' }]);
  });

  it('reads exactly 56 bytes (a full report) without waiting for more', () => {
    const text = 'A'.repeat(56);
    expect(createHidPosDecoder().push(posReport(']C0', ascii(text)))).toEqual([{ raw: text, symbology: ']C0' }]);
  });

  it('drops the CR/LF suffix some scanners add, and reads UTF-8', () => {
    expect(createHidPosDecoder().push(posReport(']Q1', [...new TextEncoder().encode('Zoë\r\n')]))[0]?.raw).toBe('Zoë');
  });

  it('ignores other reports (status, another report id) and empty scans', () => {
    const decoder = createHidPosDecoder();
    expect(decoder.push(posReport(']C0', ascii('123'), false, 0x04))).toEqual([]);
    expect(decoder.push(posReport(']C0', []))).toEqual([]);
    expect(decoder.push(Uint8Array.from([0x02, 0x01]))).toEqual([]);
  });

  it('gives no symbology when the scanner sends no AIM id', () => {
    const r = posReport('\0\0\0', ascii('123'));
    expect(createHidPosDecoder().push(r)).toEqual([{ raw: '123', symbology: null }]);
  });

  it('never reads past the report even if the length byte lies', () => {
    const r = posReport(']C0', ascii('1234'));
    r[1] = 200;
    const [scan] = createHidPosDecoder().push(r);
    expect(scan?.raw.startsWith('1234')).toBe(true);
    expect(scan?.raw.length).toBeLessThanOrEqual(58);
  });

  it('reads devices without report ids', () => {
    const r = posReport(']C0', ascii('42')).subarray(1);
    expect(createHidPosDecoder({ reportId: null }).push(r)).toEqual([{ raw: '42', symbology: ']C0' }]);
  });

  it('forgets a half-received code on reset (device unplugged mid-scan)', () => {
    const decoder = createHidPosDecoder();
    const [first] = posReports(']C0', 'Y'.repeat(80));
    decoder.push(first!);
    decoder.reset();
    expect(decoder.push(posReport(']C0', ascii('7')))).toEqual([{ raw: '7', symbology: ']C0' }]);
  });
});

describe('parseHexReport (for decode-hid and recorded fixtures)', () => {
  it.each([
    ['02 0b 5d 43 30', [2, 11, 0x5d, 0x43, 0x30]],
    ['020B5D4330', [2, 11, 0x5d, 0x43, 0x30]],
    ['02:0b:5d', [2, 11, 0x5d]],
    ['0x02 0x0b', [2, 11]],
  ])('%j', (line, bytes) => {
    expect([...parseHexReport(line)!]).toEqual(bytes);
  });

  it.each(['', 'zz', '123', 'hello'])('refuses %j', (line) => {
    expect(parseHexReport(line)).toBeNull();
  });
});
