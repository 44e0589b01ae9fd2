import { useEffect, useRef, useState, type RefObject } from 'react';
import type { ScanEvent } from '../../../shared/contract/events';
import type { Settings } from '../../../shared/contract/settings';
import { AppError, type AppErrorData } from '../../../shared/errors';
import { bridge } from '../../bridge';
import { createCameraScanner, createScanStream, useWedgeScanner } from '../../scan';
import { wedgeOptionsFrom } from '../../scan/wedgeSettings';

/**
 * Every scan source of the door — the keyboard-wedge scanner (wherever the focus is), HID
 * readers opened in the main process (pushed as `scan` events) and, when the school turned it on,
 * the webcam — joined into one stream, so a sticker seen by two of them at once counts once.
 * The camera is released when the door screen goes away: no camera light stays on.
 */
export function useScanSources(
  onScan: (event: ScanEvent) => void,
  settings: Pick<Settings, 'wedge' | 'camera'>,
  video: RefObject<HTMLVideoElement | null>,
): { cameraProblem: AppErrorData | null } {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  const stream = useRef(createScanStream((event) => handler.current(event))).current;

  useWedgeScanner((event) => stream.push(event), wedgeOptionsFrom(settings.wedge));

  useEffect(() => {
    try {
      return bridge().on('scan', (event) => stream.push(event));
    } catch {
      // No bridge (the page was opened outside the app): the shell already says so.
      return undefined;
    }
  }, [stream]);

  const [cameraProblem, setCameraProblem] = useState<AppErrorData | null>(null);
  const { enabled, deviceId } = settings.camera;
  useEffect(() => {
    if (!enabled) return undefined;
    const element = video.current;
    const scanner = createCameraScanner({
      onScan: (event) => stream.push(event),
      onError: (error) => setCameraProblem(error.toData()),
      ...(element ? { video: element } : {}),
      ...(deviceId ? { deviceId } : {}),
    });
    setCameraProblem(null);
    scanner.start().catch((error: unknown) => {
      setCameraProblem(error instanceof AppError ? error.toData() : new AppError('CAMERA_NOT_AVAILABLE').toData());
    });
    return () => scanner.dispose();
  }, [enabled, deviceId, stream, video]);

  return { cameraProblem: enabled ? cameraProblem : null };
}
