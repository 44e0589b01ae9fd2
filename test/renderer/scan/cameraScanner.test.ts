import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCameraScanner } from '../../../src/renderer/scan/cameraScanner';
import { createRepeatGate } from '../../../src/renderer/scan/repeatGate';
import type { ScanEvent } from '../../../src/shared/contract/events';
import { AppError } from '../../../src/shared/errors';
import { qrCameraFrame } from './qrFrame';
import { cameraFrame } from '../../support/barcodes';

/** A fake camera: getUserMedia, its track, a <video> that "plays" and a canvas whose pixels we set. */
function fakeCamera() {
  const track = {
    stopped: false,
    listeners: [] as Array<() => void>,
    stop() {
      this.stopped = true;
    },
    addEventListener(_: string, l: () => void) {
      this.listeners.push(l);
    },
  };
  const stream = { getTracks: () => [track], getVideoTracks: () => [track] };
  let frame: Uint8ClampedArray = new Uint8ClampedArray(640 * 480 * 4).fill(255);
  let resolveGetUserMedia: ((s: unknown) => void) | null = null;
  const camera = {
    track,
    requested: [] as MediaStreamConstraints[],
    holdPermissionPrompt: false,
    answerPrompt: () => resolveGetUserMedia?.(stream),
    show: (pixels: Uint8ClampedArray) => {
      frame = pixels;
    },
    mediaDevices: {
      getUserMedia: (constraints?: MediaStreamConstraints) => {
        camera.requested.push(constraints ?? {});
        if (camera.holdPermissionPrompt) return new Promise((r) => (resolveGetUserMedia = r));
        return Promise.resolve(stream);
      },
    } as unknown as Pick<MediaDevices, 'getUserMedia'>,
    video: {
      readyState: 4,
      videoWidth: 640,
      videoHeight: 480,
      srcObject: null as unknown,
      muted: false,
      playsInline: false,
      play: () => Promise.resolve(),
    },
    createElement: (tag: 'video' | 'canvas'): HTMLElement => {
      if (tag === 'video') return camera.video as unknown as HTMLElement;
      return {
        width: 0,
        height: 0,
        getContext: () => ({
          drawImage: () => {},
          getImageData: () => ({ data: frame }),
        }),
      } as unknown as HTMLElement;
    },
  };
  return camera;
}

/** The scanner's injected dependencies, from a fake camera. */
function deps(camera: ReturnType<typeof fakeCamera>) {
  return {
    mediaDevices: camera.mediaDevices,
    video: camera.video as unknown as HTMLVideoElement,
    createElement: camera.createElement,
  };
}

describe('the webcam as a scanner', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks for 640×480 video without sound, reports a sticker once while it is held up', async () => {
    const camera = fakeCamera();
    const scans: ScanEvent[] = [];
    const scanner = createCameraScanner({ onScan: (e) => scans.push(e), ...deps(camera) });
    await scanner.start();
    expect(camera.requested[0]).toMatchObject({ audio: false, video: { width: { ideal: 640 }, height: { ideal: 480 } } });

    await vi.advanceTimersByTimeAsync(450); // empty frames
    expect(scans).toEqual([]);
    camera.show(qrCameraFrame('IP7K2M9QXA7'));
    await vi.advanceTimersByTimeAsync(1000); // held up for a second: ~7 frames
    expect(scans).toHaveLength(1);
    expect(scans[0]).toMatchObject({ source: 'camera', raw: 'IP7K2M9QXA7', code: 'IP7K2M9QXA7' });
    scanner.dispose();
  });

  it('reads a Code 39 pupil card and an EAN-8 as well as our QR and Code 128 stickers', async () => {
    const frames = [
      [await cameraFrame('code39', 'LLN0042137', { scale: 2, noise: 6 }), 'LLN0042137'],
      [await cameraFrame('ean8', '96385074', { scale: 3, noise: 6 }), '96385074'],
      [await cameraFrame('code128', 'IP7K2M9QXA7', { scale: 2, noise: 6 }), 'IP7K2M9QXA7'],
    ] as const;
    const camera = fakeCamera();
    const scans: ScanEvent[] = [];
    const scanner = createCameraScanner({ onScan: (e) => scans.push(e), ...deps(camera) });
    await scanner.start();
    for (const [frame] of frames) {
      camera.show(new Uint8ClampedArray(frame.data));
      await vi.advanceTimersByTimeAsync(600);
      camera.show(new Uint8ClampedArray(640 * 480 * 4).fill(255)); // out of view: the next one counts
      await vi.advanceTimersByTimeAsync(2500);
    }
    expect(scans.map((e) => e.raw)).toEqual(frames.map(([, text]) => text));
    scanner.dispose();
  });

  it('stops every track on dispose, so no camera light is left on, and decodes no more', async () => {
    const camera = fakeCamera();
    const scans: ScanEvent[] = [];
    const scanner = createCameraScanner({ onScan: (e) => scans.push(e), ...deps(camera) });
    await scanner.start();
    scanner.dispose();
    expect(camera.track.stopped).toBe(true);
    expect(camera.video.srcObject).toBeNull();
    camera.show(qrCameraFrame('IP7K2M9QXA7'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(scans).toEqual([]);
    expect(vi.getTimerCount()).toBe(0);
    scanner.dispose(); // twice is fine
  });

  it('releases the camera when disposed while the permission prompt was still open', async () => {
    const camera = fakeCamera();
    camera.holdPermissionPrompt = true;
    const scanner = createCameraScanner({ onScan: () => {}, ...deps(camera) });
    const started = scanner.start();
    scanner.dispose();
    camera.answerPrompt();
    await started;
    expect(camera.track.stopped).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it.each([
    ['NotAllowedError', 'CAMERA_PERMISSION_DENIED'],
    ['NotFoundError', 'CAMERA_NOT_AVAILABLE'],
    ['NotReadableError', 'CAMERA_NOT_AVAILABLE'],
  ])('turns a %s into %s', async (name, code) => {
    const scanner = createCameraScanner({
      onScan: () => {},
      mediaDevices: { getUserMedia: () => Promise.reject(Object.assign(new Error('x'), { name })) },
      createElement: fakeCamera().createElement,
    });
    await expect(scanner.start()).rejects.toMatchObject({ code });
  });

  it('says so when the camera goes away while scanning', async () => {
    const camera = fakeCamera();
    const errors: AppError[] = [];
    const scanner = createCameraScanner({ onScan: () => {}, onError: (e) => errors.push(e), ...deps(camera) });
    await scanner.start();
    camera.track.listeners.forEach((l) => l());
    expect(errors.map((e) => e.code)).toEqual(['CAMERA_NOT_AVAILABLE']);
    scanner.dispose();
  });
});

describe('the repeat gate: one sticker held up is one scan', () => {
  it('passes a code when it appears, not while it stays, and again after it was gone for 2 s', () => {
    let t = 0;
    const gate = createRepeatGate(2000, () => t);
    const seen = (text: string | null, at: number) => {
      t = at;
      return gate.accept(text);
    };
    expect(seen('A', 0)).toBe(true);
    expect(seen('A', 150)).toBe(false);
    expect(seen(null, 300)).toBe(false); // one missed frame
    expect(seen('A', 450)).toBe(false);
    expect(seen('B', 600)).toBe(true); // another sticker
    expect(seen('A', 750)).toBe(true); // and the first one back
    expect(seen(null, 900)).toBe(false);
    expect(seen('A', 2800)).toBe(true); // gone for 2 s: a new scan
  });
});
