import { z } from 'zod';
import { DeviceKind } from '../../../shared/contract/custody';
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

const ChooseDetails = z.object({
  devices: z.array(z.object({ deviceId: z.string(), kind: DeviceKind, description: z.string() })).min(1),
});

export function scanProblemOf(error: unknown): ScanProblem {
  if (!(error instanceof CallError)) return { kind: 'problem', code: 'INTERNAL', message: null, tone: 'error' };
  const { code, message, details } = error.data;
  if (code === 'CHOOSE_DEVICE') {
    const parsed = ChooseDetails.safeParse(details);
    if (parsed.success) return { kind: 'choose', devices: parsed.data.devices };
  }
  return { kind: 'problem', code, message, tone: warnCodes.has(code) ? 'warn' : 'error' };
}
