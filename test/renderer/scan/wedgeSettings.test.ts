import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src/shared/contract/settings';
import { wedgeOptionsFrom } from '../../../src/renderer/scan/wedgeSettings';

describe('the wedge settings a school chooses', () => {
  it('default to a scan ending in Enter or Tab', () => {
    expect(wedgeOptionsFrom(defaultSettings.wedge)).toMatchObject({ suffixes: ['Enter', 'Tab'], requireSuffix: true });
  });
  it('allow a scanner without a suffix', () => {
    expect(wedgeOptionsFrom({ ...defaultSettings.wedge, suffix: 'none' })).toMatchObject({ suffixes: [], requireSuffix: false });
  });
  it('carry the NFC reader profile so UIDs arrive canonical', () => {
    expect(wedgeOptionsFrom({ ...defaultSettings.wedge, nfcProfile: 'decimal-reversed' })).toMatchObject({
      nfcProfile: 'decimal-reversed',
    });
    expect(wedgeOptionsFrom(defaultSettings.wedge)).not.toHaveProperty('nfcProfile');
  });
});
