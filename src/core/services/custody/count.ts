import type { MethodResult } from '../../../shared/contract';
import { custodyCounts } from '../../ledger/custodyReads';
import type { ServiceContext } from '../context';
import { startOfLocalDay } from './dayClose';

/**
 * How much the school holds, as numbers only: safe to show at the door without a PIN. "Today" is
 * the local calendar day of the kiosk's clock: the kiosk runs in the school's time zone.
 */
export function custodyCount(ctx: ServiceContext): MethodResult<'custodyCount'> {
  return custodyCounts(ctx.db, ctx.kioskId, startOfLocalDay(ctx.now()).toISOString());
}
