import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real small disk: a tmpfs of its own, mounted for one test (root only; this machine and CI
 * run tests as root, where chmod does not stop a write but a full or read-only file system does).
 */
export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk says ENOSPC. */
  fill(): void;
  /** Removes the filler: the space is back. */
  free(): void;
  /** Remounts the disk read-only (as a USB stick with its lock switch, or a disk gone bad). */
  readOnly(): void;
  cleanup(): void;
}

function tryMount(sizeBytes: number): string | null {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    rmdirSync(dir);
    return null;
  }
}

/** Whether this machine lets the tests mount a tmpfs (root on Linux). */
export const canMountSmallDisks: boolean = (() => {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const dir = tryMount(64 * 1024);
  if (dir === null) return false;
  execFileSync('umount', ['-l', dir]);
  rmdirSync(dir);
  return true;
})();

export function smallDisk(sizeBytes: number): SmallDisk {
  const dir = tryMount(sizeBytes);
  if (dir === null) throw new Error('cannot mount a tmpfs here (see canMountSmallDisks)');
  const filler = join(dir, 'filler');
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      const chunk = Buffer.alloc(4096, 0x55);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd);
      }
      // The last partial block too, so not even one page fits.
      const fd2 = openSync(filler, 'a');
      try {
        for (;;) writeSync(fd2, Buffer.alloc(1, 0x55));
      } catch (error) {
        if ((error as { code?: string }).code !== 'ENOSPC') throw error;
      } finally {
        closeSync(fd2);
      }
    },
    free() {
      rmSync(filler, { force: true });
    },
    readOnly() {
      execFileSync('mount', ['-o', 'remount,ro', dir], { stdio: 'ignore' });
    },
    cleanup() {
      // Lazy: a connection a failing test left open must not leave the mount behind.
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmdirSync(dir);
    },
  };
}
