import { AppError } from '../../shared/errors';
import { SYSTEM_ACTOR } from '../ledger/events';
import { prepared } from '../db/statements';
import type { ServiceContext } from './context';
import { createStaff, type StaffSummary } from './staff';

/** A fresh kiosk has no staff at all: the first administrator is made on the kiosk itself. */
export function needsFirstAdmin(ctx: ServiceContext): boolean {
  return (prepared<{ n: number }>(ctx.db, 'SELECT count(*) AS n FROM staff').get()?.n ?? 0) === 0;
}

/**
 * Makes the first administrator of an empty kiosk. Refused as soon as any staff member exists:
 * from then on only an administrator registers people.
 */
export function createFirstAdmin(ctx: ServiceContext, input: { displayName: string; pin: string }): StaffSummary {
  if (!needsFirstAdmin(ctx)) throw new AppError('SETUP_DONE');
  return createStaff(ctx, { displayName: input.displayName, role: 'admin', pin: input.pin, actor: SYSTEM_ACTOR });
}
