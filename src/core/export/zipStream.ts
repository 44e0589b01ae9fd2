import type { Writable } from 'node:stream';
import { constants, crc32, createDeflateRaw } from 'node:zlib';
import { drained } from './drained';

/**
 * A ZIP archive written front to back into a stream (PKWARE APPNOTE 4.3: local headers with data
 * descriptors, then the central directory), the container an XLSX file is. Entries are deflated
 * by node:zlib as they are written, so an entry of hundreds of megabytes passes through a few
 * kilobytes of memory. Without ZIP64: an entry or the archive past 4 GiB is refused rather than
 * written wrong.
 */
export class ZipStream {
  private offset = 0;
  private readonly entries: { name: Buffer; crc: number; compressed: number; size: number; offset: number }[] = [];
  private readonly stamp = dosTime(new Date());

  constructor(private readonly out: Writable) {}

  /** One whole entry from a string (the small parts of a workbook). */
  async add(name: string, text: string): Promise<void> {
    const entry = await this.open(name);
    await entry.write(text);
    await entry.close();
  }

  /** An entry written piece by piece; each `write` resolves when the archive has room for the next. */
  async open(name: string): Promise<{ write(text: string): Promise<void>; close(): Promise<void> }> {
    const nameBytes = Buffer.from(name, 'utf8');
    const start = this.offset;
    await this.put(localHeader(nameBytes, this.stamp));
    const deflate = createDeflateRaw({ level: constants.Z_BEST_SPEED });
    let crc = 0;
    let size = 0;
    let compressed = 0;
    const flowing = new Promise<void>((resolve, reject) => {
      // The archive's file failing (a full disk) fails the entry, or it would wait for a drain forever.
      const fail = (error: Error) => deflate.destroy(error);
      this.out.once('error', fail);
      deflate.on('data', (chunk: Buffer) => {
        compressed += chunk.length;
        this.offset += chunk.length;
        if (!this.out.write(chunk)) {
          deflate.pause();
          drained(this.out).then(() => deflate.resume(), fail);
        }
      });
      deflate
        .once('end', () => {
          this.out.off('error', fail);
          resolve();
        })
        .once('error', (error) => {
          this.out.off('error', fail);
          reject(error);
        });
    });
    // A failure before close() reaches the writer through its write; close() still awaits this.
    flowing.catch(() => undefined);
    return {
      write: async (text) => {
        const bytes = Buffer.from(text, 'utf8');
        crc = crc32(bytes, crc);
        size += bytes.length;
        if (!deflate.write(bytes)) await drained(deflate);
      },
      close: async () => {
        deflate.end();
        await flowing;
        if (size > LIMIT || compressed > LIMIT || this.offset > LIMIT) throw new RangeError('zip: entry beyond 4 GiB (no ZIP64)');
        await this.put(dataDescriptor(crc, compressed, size));
        this.entries.push({ name: nameBytes, crc, compressed, size, offset: start });
      },
    };
  }

  /** The central directory and its end record; the archive is complete once this resolves. */
  async finish(): Promise<void> {
    const directoryStart = this.offset;
    for (const e of this.entries) await this.put(centralEntry(e, this.stamp));
    const directorySize = this.offset - directoryStart;
    if (this.offset > LIMIT) throw new RangeError('zip: archive beyond 4 GiB (no ZIP64)');
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(directorySize, 12);
    end.writeUInt32LE(directoryStart, 16);
    await new Promise<void>((resolve, reject) => {
      this.out.once('finish', resolve).once('error', reject);
      this.out.end(end);
    });
  }

  private async put(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await drained(this.out);
  }
}

const LIMIT = 0xffffffff;
/** Bit 3: sizes and CRC follow the data; bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;

function localHeader(name: Buffer, stamp: { time: number; date: number }): Buffer {
  const b = Buffer.alloc(30);
  b.writeUInt32LE(0x04034b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(FLAGS, 6);
  b.writeUInt16LE(DEFLATE, 8);
  b.writeUInt16LE(stamp.time, 10);
  b.writeUInt16LE(stamp.date, 12);
  b.writeUInt16LE(name.length, 26);
  return Buffer.concat([b, name]);
}

function dataDescriptor(crc: number, compressed: number, size: number): Buffer {
  const b = Buffer.alloc(16);
  b.writeUInt32LE(0x08074b50, 0);
  b.writeUInt32LE(crc >>> 0, 4);
  b.writeUInt32LE(compressed, 8);
  b.writeUInt32LE(size, 12);
  return b;
}

function centralEntry(
  e: { name: Buffer; crc: number; compressed: number; size: number; offset: number },
  stamp: { time: number; date: number },
): Buffer {
  const b = Buffer.alloc(46);
  b.writeUInt32LE(0x02014b50, 0);
  b.writeUInt16LE(VERSION, 4);
  b.writeUInt16LE(VERSION, 6);
  b.writeUInt16LE(FLAGS, 8);
  b.writeUInt16LE(DEFLATE, 10);
  b.writeUInt16LE(stamp.time, 12);
  b.writeUInt16LE(stamp.date, 14);
  b.writeUInt32LE(e.crc >>> 0, 16);
  b.writeUInt32LE(e.compressed, 20);
  b.writeUInt32LE(e.size, 24);
  b.writeUInt16LE(e.name.length, 28);
  b.writeUInt32LE(e.offset, 42);
  return Buffer.concat([b, e.name]);
}

/** MS-DOS date and time, as ZIP keeps them (local time, two-second steps). */
function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | Math.floor(d.getSeconds() / 2),
    date: (Math.max(d.getFullYear() - 1980, 0) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}
