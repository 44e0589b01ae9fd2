import type { z } from 'zod';
import { contract, type MethodName, type MethodResult, type ParsedArgs } from '../../shared/contract';
import { AppError, type Result } from '../../shared/errors';
import { failedStartHealth } from '../api/health';
import type { Gateway } from '../api/gateway';
import { isAdminPinIn } from '../backup/backupAdmins';
import { newestRecoveryBackup } from '../backup/recovery';
import { FREE_ATTEMPTS, lockoutSeconds } from '../services/lockout';
import type { StartFailure } from './failure';

export interface FailedStartActions {
  dbPath: string;
  now: () => Date;
  restore(): { lastSeq: number };
  exit(): void;
  /** Starts again on the database; whether it opened this time. */
  retry(): boolean;
}

/** The calls the recovery screen makes, each typed by the contract like a handler. */
type Answers = { [K in MethodName]?: (args: ParsedArgs<K>) => MethodResult<K> };

/**
 * The kiosk whose database could not be opened still answers the few calls its recovery screen
 * needs: what is wrong (getHealth), restore the newest good backup, try again, and leave kiosk
 * mode. With no staff table to unlock with, an administrator's PIN is checked against the newest
 * good backup's staff, the one a restore brings back; without a good backup there is no PIN to
 * check, and the IT partner closes the app from the operating system (README, Troubleshooting).
 * Wrong PINs count here too, in memory, with the same back-off as the pad. Every other call
 * answers the start failure.
 */
export function failedStartGateway(failure: StartFailure, actions: FailedStartActions): Gateway {
  let failures = 0;
  let lockedUntil = 0;
  const requireAdmin = (pin: string): void => {
    const wait = Math.ceil((lockedUntil - actions.now().getTime()) / 1000);
    if (wait > 0) throw new AppError('PIN_LOCKED', { retryAfterSeconds: wait });
    const backup = newestRecoveryBackup(actions.dbPath);
    if (backup === null) throw new AppError('NO_GOOD_BACKUP');
    if (isAdminPinIn(backup, pin)) {
      failures = 0;
      return;
    }
    failures++;
    const seconds = lockoutSeconds(failures);
    lockedUntil = actions.now().getTime() + seconds * 1000;
    throw seconds > 0 ? new AppError('PIN_LOCKED', { retryAfterSeconds: seconds }) : new AppError('PIN_WRONG', { attemptsLeft: Math.max(0, FREE_ATTEMPTS - failures + 1) });
  };
  const answers: Answers = {
    getHealth: () => failedStartHealth(actions.dbPath, failure),
    restoreAfterFailedStart: ({ pin }) => {
      requireAdmin(pin);
      return { restarting: true as const, lastSeq: actions.restore().lastSeq };
    },
    retryStart: () => ({ opened: actions.retry() }),
    exitKiosk: ({ pin }) => {
      requireAdmin(pin);
      actions.exit();
      return { exiting: true as const };
    },
  };
  const unavailable: Result<never> = { ok: false, error: failure.error };
  return {
    invoke(method, rawArgs) {
      const answer = Object.hasOwn(answers, method) ? (answers[method as MethodName] as ((args: unknown) => unknown) | undefined) : undefined;
      if (!answer) return Promise.resolve(unavailable);
      const spec = contract[method as MethodName];
      const parsed = spec.args.safeParse(rawArgs ?? {});
      if (!parsed.success) return Promise.resolve({ ok: false, error: new AppError('INVALID_ARGUMENT', { reason: 'arguments' }).toData() });
      try {
        return Promise.resolve({ ok: true, value: (spec.result as z.ZodType).parse(answer(parsed.data)) });
      } catch (error) {
        if (error instanceof AppError) return Promise.resolve({ ok: false, error: error.toData() });
        return Promise.resolve({ ok: false, error: new AppError('INTERNAL').toData() });
      }
    },
  };
}
