import { describe, expect, it } from 'vitest';
import { CallError } from '../../../src/renderer/bridge';
import { scanProblemOf } from '../../../src/renderer/screens/door/problems';
import { AppError, type DeviceChoiceDetail } from '../../../src/shared/errors';

const callError = (error: AppError) => new CallError(error.toData());

describe('what the door makes of a failed scan', () => {
  it('a pupil card with several devices becomes a choice, with the devices from the error', () => {
    const devices: DeviceChoiceDetail[] = [
      { deviceId: 'a', kind: 'smartphone', description: 'iPhone 11' },
      { deviceId: 'b', kind: 'smartwatch', description: 'Fitbit Ace 3' },
    ];
    expect(scanProblemOf(callError(new AppError('CHOOSE_DEVICE', { devices })))).toEqual({ kind: 'choose', devices });
  });

  it('a CHOOSE_DEVICE without usable devices is shown as a problem, not an empty choice', () => {
    expect(scanProblemOf(callError(new AppError('CHOOSE_DEVICE', { devices: [] })))).toMatchObject({ kind: 'problem', code: 'CHOOSE_DEVICE' });
  });

  it('an unknown or withdrawn sticker is refused (red); a misread or a double hand-in is orange', () => {
    expect(scanProblemOf(callError(new AppError('UNKNOWN_TAG')))).toMatchObject({ kind: 'problem', tone: 'error' });
    expect(scanProblemOf(callError(new AppError('TAG_REVOKED')))).toMatchObject({ tone: 'error' });
    expect(scanProblemOf(callError(new AppError('MISREAD_CODE')))).toMatchObject({
      tone: 'warn',
      message: { nl: 'De sticker of tag werd niet goed gelezen.', en: 'The sticker or tag was not read properly.' },
    });
    expect(scanProblemOf(callError(new AppError('ALREADY_IN_CUSTODY', { sinceSeq: 4 })))).toMatchObject({ tone: 'warn' });
  });

  it('anything that is not a contract error (the bridge gone) is a generic problem with no message of its own', () => {
    expect(scanProblemOf(new Error('network'))).toEqual({ kind: 'problem', code: 'INTERNAL', message: null, tone: 'error' });
  });
});
