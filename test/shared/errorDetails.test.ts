import { describe, expect, it } from 'vitest';
import { AppError, isAppErrorOf, type AppErrorData } from '../../src/shared/errors';

// These lines are checked by `npm run typecheck`: each code's details are declared in shared/errors.
describe('each error code declares its details', () => {
  it('a code that carries details must be given them, in their shape', () => {
    // @ts-expect-error CHOOSE_DEVICE lists the devices to choose from
    expect(() => new AppError('CHOOSE_DEVICE')).not.toThrow();
    // @ts-expect-error DAY_NOT_CLEAR counts, it does not name
    expect(new AppError('DAY_NOT_CLEAR', { outstanding: 'two' }).code).toBe('DAY_NOT_CLEAR');
    // @ts-expect-error a code without details takes none
    expect(new AppError('UNKNOWN_TAG', { tag: 'x' }).code).toBe('UNKNOWN_TAG');
  });

  it('crosses the boundary with its details, which a reader gets typed by narrowing on the code', () => {
    const data: AppErrorData = new AppError('PIN_LOCKED', { retryAfterSeconds: 30 }).toData();
    const retry = data.code === 'PIN_LOCKED' ? data.details?.retryAfterSeconds : undefined;
    expect(retry).toBe(30);
    expect(new AppError('UNKNOWN_TAG').toData()).not.toHaveProperty('details');
  });

  it('a thrown error of one code has that code’s details', () => {
    const error: unknown = new AppError('CONFISCATED', { confiscatedSeq: 12 });
    expect(isAppErrorOf(error, 'CONFISCATED') && error.details?.confiscatedSeq).toBe(12);
    expect(isAppErrorOf(error, 'NOT_IN_CUSTODY')).toBe(false);
  });
});
