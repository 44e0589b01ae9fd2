import { useEffect, useRef } from 'react';
import type { ScanEvent } from '../../../shared/contract';
import { useSettings } from '../../state/SettingsContext';
import { bridge } from '../../bridge';
import { createScanStream, useWedgeScanner, type ScanStream } from '../../scan';
import { wedgeOptionsFrom } from '../../scan/wedgeSettings';

/**
 * Scans while a teacher screen is open: the keyboard wedge and the HID reader (pushed by the
 * main process), joined in one stream so a code seen by both counts once.
 */
export function useKioskScans(onCode: (code: string) => void): void {
  const { settings } = useSettings();
  const handler = useRef(onCode);
  const stream = useRef<ScanStream | null>(null);
  useEffect(() => {
    handler.current = onCode;
  }, [onCode]);
  useEffect(() => {
    const joined = createScanStream((event) => handler.current(event.code));
    stream.current = joined;
    const off = bridge().on('scan', (event) => joined.push(event));
    return () => {
      off();
      stream.current = null;
    };
  }, []);
  useWedgeScanner((event: ScanEvent) => stream.current?.push(event), wedgeOptionsFrom(settings.wedge));
}
