import type { Settings } from '../../shared/contract/settings';
import type { WedgeScannerOptions } from './useWedgeScanner';

/** The school's wedge settings as the detector's options. */
export function wedgeOptionsFrom(wedge: Settings['wedge']): WedgeScannerOptions {
  const suffixes = {
    enter: ['Enter'],
    tab: ['Tab'],
    'enter-or-tab': ['Enter', 'Tab'],
    none: [],
  }[wedge.suffix];
  return {
    maxGapMs: wedge.maxGapMs,
    maxAvgGapMs: wedge.maxAvgGapMs,
    minLength: wedge.minLength,
    suffixes,
    requireSuffix: wedge.suffix !== 'none',
    prefix: wedge.prefix,
    ...(wedge.nfcProfile ? { nfcProfile: wedge.nfcProfile } : {}),
  };
}
