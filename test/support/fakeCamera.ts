import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { barcodePng, type Symbology } from './barcodes';

const run = promisify(execFile);

export interface FakeCameraVideo {
  /** The `.y4m` file for `--use-file-for-fake-video-capture`. */
  path: string;
  /** Removes the temporary folder. */
  cleanup(): void;
}

/**
 * A webcam picture for Chromium's fake camera: the barcode as bwip-js prints it, centred on a
 * white 640×480 frame, as a few seconds of raw YUV 4:2:0 video that Chromium loops. Needs `ffmpeg` on the PATH
 * (FFMPEG_PATH overrides).
 */
export async function fakeCameraVideo(bcid: Symbology, text: string, { scale = 3, seconds = 2 } = {}): Promise<FakeCameraVideo> {
  const dir = mkdtempSync(join(tmpdir(), 'inleverpunt-camera-'));
  const png = join(dir, 'code.png');
  const path = join(dir, 'camera.y4m');
  writeFileSync(png, await barcodePng(bcid, text, scale));
  // Padded, not scaled: a resampled bar code gets uneven bars. `scale` must keep it within 640×480.
  const filter = 'pad=640:480:(ow-iw)/2:(oh-ih)/2:color=white,format=yuv420p';
  await run(process.env.FFMPEG_PATH ?? 'ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-loop', '1', '-i', png, '-t', String(seconds), '-r', '10',
    '-vf', filter, '-f', 'yuv4mpegpipe', path,
  ]);
  return { path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
