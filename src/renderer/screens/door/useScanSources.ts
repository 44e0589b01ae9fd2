import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { ScanEvent } from '../../../shared/contract/events';
import type { Settings } from '../../../shared/contract/settings';
import { AppError, type AppErrorData } from '../../../shared/errors';
import { bridge } from '../../bridge';
import { attachWedgeScanner, createCameraScanner, createScanStream, type ScanStream } from '../../scan';
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
  /** False while a PIN pad is open: the wedge listener would hold back the teacher's keys. */
  listenToKeys = true,
): { cameraProblem: AppErrorData | null } {
  const handler = useRef(onScan);
  useEffect(() => {
    handler.current = onScan;
  }, [onScan]);
  const stream = useRef<ScanStream | null>(null);
  const push = useCallback((event: ScanEvent) => {
    stream.current ??= createScanStream((e) => handler.current(e));
    stream.current.push(event);
  }, []);

  // The school's wedge settings as they were when the door opened (a scanner does not change meanwhile).
  const [wedgeOptions] = useState(() => wedgeOptionsFrom(settings.wedge));
  useEffect(() => {
    if (!listenToKeys) return undefined;
    return attachWedgeScanner(window, push, wedgeOptions);
  }, [listenToKeys, push, wedgeOptions]);

  useEffect(() => {
    try {
      return bridge().on('scan', push);
    } catch {
      // No bridge (the page was opened outside the app): the shell already says so.
      return undefined;
    }
  }, [push]);

  const { enabled, deviceId } = settings.camera;
  const cameraKey = enabled ? `camera:${deviceId ?? ''}` : null;
  const [problem, setProblem] = useState<{ key: string; data: AppErrorData } | null>(null);
  useEffect(() => {
    if (cameraKey === null) return undefined;
    const element = video.current;
    const scanner = createCameraScanner({
      onScan: push,
      onError: (error) => setProblem({ key: cameraKey, data: error.toData() }),
      ...(element ? { video: element } : {}),
      ...(deviceId ? { deviceId } : {}),
    });
    scanner.start().catch((error: unknown) => {
      const data = error instanceof AppError ? error.toData() : new AppError('CAMERA_NOT_AVAILABLE').toData();
      setProblem({ key: cameraKey, data });
    });
    return () => scanner.dispose();
  }, [cameraKey, deviceId, push, video]);

  // A problem belongs to the camera set-up it happened with; a new set-up starts clean.
  return { cameraProblem: problem && problem.key === cameraKey ? problem.data : null };
}
