import type { ScanEvent } from '../../shared/contract/events';
import { AppError } from '../../shared/errors';
import { createImageDecoder, type ImageFormat } from '../../shared/scan/imageDecode';
import { makeScanEvent } from '../../shared/scan/scanEvent';
import { createRepeatGate } from './repeatGate';

export interface CameraScannerOptions {
  onScan(event: ScanEvent): void;
  /** The camera went away while scanning (unplugged, taken by another program). */
  onError?(error: AppError): void;
  /** Shows the camera picture, e.g. so a pupil can aim; without it an unattached element is used. */
  video?: HTMLVideoElement;
  /** A specific camera (from `enumerateDevices`); default: the system's first. */
  deviceId?: string;
  /** Time between decoded frames. ~150 ms finds a sticker fast and leaves the CPU mostly idle. */
  intervalMs?: number;
  width?: number;
  height?: number;
  formats?: readonly ImageFormat[];
  /** How long a code must be out of view before the same code counts again. */
  rearmMs?: number;
  /** Injected in tests. */
  mediaDevices?: Pick<MediaDevices, 'getUserMedia'>;
  createElement?: (tag: 'video' | 'canvas') => HTMLElement;
}

export interface CameraScanner {
  /** Asks for the camera and starts decoding; rejects with CAMERA_PERMISSION_DENIED or CAMERA_NOT_AVAILABLE. */
  start(): Promise<void>;
  /** Stops decoding and every camera track, so the camera light goes out. Safe to call at any time, twice. */
  dispose(): void;
}

/**
 * The webcam as a fallback scanner: grabs a 640×480 frame every ~150 ms onto a canvas and decodes it
 * with the same pure decoder as the CLI's `decode-image`. Frames are taken with `setTimeout` after
 * each decode finishes, so a slow machine skips frames instead of piling up work.
 */
export function createCameraScanner(options: CameraScannerOptions): CameraScanner {
  const intervalMs = options.intervalMs ?? 150;
  const width = options.width ?? 640;
  const height = options.height ?? 480;
  const createElement = options.createElement ?? ((tag) => document.createElement(tag));
  const decoder = createImageDecoder(options.formats ? { formats: options.formats } : {});
  const gate = createRepeatGate(options.rearmMs ?? 2000, () => performance.now());

  let disposed = false;
  let stream: MediaStream | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const video = options.video ?? (createElement('video') as HTMLVideoElement);
  const canvas = createElement('canvas') as HTMLCanvasElement;
  let context: CanvasRenderingContext2D | null = null;

  function stopTracks(s: MediaStream): void {
    for (const track of s.getTracks()) track.stop();
  }

  function tick(): void {
    timer = null;
    if (disposed) return;
    try {
      decodeFrame();
    } finally {
      if (!disposed) timer = setTimeout(tick, intervalMs);
    }
  }

  function decodeFrame(): void {
    // HAVE_CURRENT_DATA: a frame is there to draw.
    if (video.readyState < 2 || video.videoWidth === 0) return;
    const w = video.videoWidth;
    const h = video.videoHeight;
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
      context = null;
    }
    context ??= canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.drawImage(video, 0, 0, w, h);
    const found = decoder.decodeRgba(w, h, context.getImageData(0, 0, w, h).data);
    if (!gate.accept(found?.text ?? null) || !found) return;
    const event = makeScanEvent('camera', found.text, Date.now());
    if (event) options.onScan(event);
  }

  return {
    async start() {
      if (disposed) throw new Error('camera scanner was disposed');
      const mediaDevices = options.mediaDevices ?? navigator.mediaDevices;
      let s: MediaStream;
      try {
        s = await mediaDevices.getUserMedia({
          audio: false,
          video: {
            width: { ideal: width },
            height: { ideal: height },
            ...(options.deviceId ? { deviceId: { exact: options.deviceId } } : {}),
          },
        });
      } catch (error) {
        throw cameraError(error);
      }
      // Disposed while the permission prompt or the driver was busy: release at once.
      if (disposed) {
        stopTracks(s);
        return;
      }
      stream = s;
      for (const track of s.getVideoTracks()) {
        track.addEventListener('ended', () => {
          if (!disposed) options.onError?.(new AppError('CAMERA_NOT_AVAILABLE'));
        });
      }
      video.muted = true;
      video.playsInline = true;
      video.srcObject = s;
      await video.play();
      if (!disposed) timer = setTimeout(tick, 0);
    },
    dispose() {
      disposed = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      if (stream) stopTracks(stream);
      stream = null;
      video.srcObject = null;
    },
  };
}

function cameraError(error: unknown): AppError {
  // getUserMedia rejects with a DOMException, which is not an Error subclass everywhere.
  const name = typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return new AppError('CAMERA_PERMISSION_DENIED');
  return new AppError('CAMERA_NOT_AVAILABLE', { reason: name || 'unknown' });
}
