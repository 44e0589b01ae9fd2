import { CallError } from '../../bridge';
import type { DeviceChoice } from './board';

/** What went wrong with a scan, as the door shows it. */
export type ScanProblem =
  | { kind: 'choose'; devices: DeviceChoice[] }
  | { kind: 'problem'; code: string; message: { nl: string; en: string } | null; tone: 'warn' | 'error' };

/**
 * Orange ("warn"): nothing is wrong with the sticker — read it again, or the teacher sorts it
 * out in a moment. Red ("error"): the code itself is refused. Both come with an icon, a text and
 * the error sound; the colour is never the only signal.
 */
const warnCodes = new Set(['MISREAD_CODE', 'ALREADY_IN_CUSTODY', 'NOT_IN_CUSTODY', 'NO_DEVICE', 'INVALID_ARGUMENT']);

export function scanProblemOf(error: unknown): ScanProblem {
  if (!(error instanceof CallError)) return { kind: 'problem', code: 'INTERNAL', message: null, tone: 'error' };
  const data = error.data;
  // The details' shape is declared with the code (shared/errors): narrowing on it types them.
  if (data.code === 'CHOOSE_DEVICE' && data.details && data.details.devices.length > 0) {
    return { kind: 'choose', devices: data.details.devices };
  }
  const { code, message } = data;
  return { kind: 'problem', code, message, tone: warnCodes.has(code) ? 'warn' : 'error' };
}
