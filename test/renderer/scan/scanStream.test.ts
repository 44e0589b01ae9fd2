import { describe, expect, it } from 'vitest';
import { createScanStream } from '../../../src/renderer/scan/scanStream';
import type { ScanEvent, ScanSource } from '../../../src/shared/contract/events';

function setup() {
  let t = 0;
  const received: Array<[ScanSource, string]> = [];
  const stream = createScanStream((e) => received.push([e.source, e.code]), { now: () => t });
  const scan = (source: ScanSource, code: string, at: number) => {
    t = at;
    const event: ScanEvent = { source, raw: code, code, at: 1_700_000_000_000 + at };
    stream.push(event);
  };
  return { scan, received };
}

describe('one scan stream for every source', () => {
  it('delivers scans from every source to one handler', () => {
    const { scan, received } = setup();
    scan('wedge', 'IP7K2M9QXA7', 0);
    scan('hid', '8712345678906', 10);
    scan('camera', 'IP0000000001', 20);
    scan('cli', 'X', 30);
    expect(received.map(([s]) => s)).toEqual(['wedge', 'hid', 'camera', 'cli']);
  });

  it('drops the same code from a second source within 1 s (camera and hand scanner see one sticker)', () => {
    const { scan, received } = setup();
    scan('wedge', 'IP7K2M9QXA7', 0);
    scan('camera', 'IP7K2M9QXA7', 400);
    scan('hid', 'IP7K2M9QXA7', 999);
    expect(received).toEqual([['wedge', 'IP7K2M9QXA7']]);
  });

  it('passes the same code from a second source after the second is over', () => {
    const { scan, received } = setup();
    scan('wedge', 'IP7K2M9QXA7', 0);
    scan('camera', 'IP7K2M9QXA7', 1001);
    expect(received).toHaveLength(2);
  });

  it('passes the same code again from the same source: a deliberate rescan is the ledger\'s call', () => {
    const { scan, received } = setup();
    scan('wedge', 'IP7K2M9QXA7', 0);
    scan('wedge', 'IP7K2M9QXA7', 300);
    expect(received).toHaveLength(2);
  });

  it('passes different codes from different sources at the same moment', () => {
    const { scan, received } = setup();
    scan('wedge', 'IP7K2M9QXA7', 0);
    scan('hid', 'IP0000000001', 0);
    expect(received).toHaveLength(2);
  });

  it('measures the window from the last delivered scan of that code', () => {
    const { scan, received } = setup();
    scan('wedge', 'A1', 0);
    scan('wedge', 'A1', 800); // delivered, window restarts
    scan('hid', 'A1', 1500); // 700 ms after the last delivery: same sticker, dropped
    expect(received).toEqual([
      ['wedge', 'A1'],
      ['wedge', 'A1'],
    ]);
  });
});
