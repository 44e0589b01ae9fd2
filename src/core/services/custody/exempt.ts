import type { CustodyOutcome } from '../../../shared/contract';
import { appendEvent } from '../../ledger/append';
import { custodian, type Actor } from '../../ledger/events';
import { readCustody } from '../../ledger/projection';
import { newestEvent } from '../../ledger/readModel';
import { ledgerWriter, type ServiceContext } from '../context';
import type { Device } from '../devices';
import { exemptionForToday } from '../exemptions';
import type { TagKind } from '../tags';
import { outcome, REPEAT_WINDOW_MS, requireEvent } from './common';

/**
 * A pupil with an exemption scanned a device they may keep: nothing is handed in or returned;
 * the ledger records that the exemption was used, once per scan burst (a second scan within the
 * repeat window is acknowledged with the first event). What the door shows is the normal card,
 * marked `exempt`, with the first name only as the privacy setting allows; never the reason.
 */
export function keepExempted(
  ctx: ServiceContext,
  device: Device,
  input: { exemptionId: string; actor: Actor; mode: 'hand-in' | 'return'; via?: { tagId: string; kind: TagKind } },
): CustodyOutcome {
  const since = new Date(ctx.now().getTime() - REPEAT_WINDOW_MS).toISOString();
  const recent = newestEvent(ctx.db, { kioskId: ctx.kioskId, deviceId: device.deviceId, types: ['exemption_used'], from: since });
  if (recent) return { ...outcome(ctx, requireEvent(ctx, recent.seq), device, true, 'door'), exempt: true };
  const event = appendEvent(ledgerWriter(ctx), {
    type: 'exemption_used',
    actor: input.actor,
    custodian: custodian.pupil,
    deviceId: device.deviceId,
    pupilId: device.ownerPupilId,
    details: {
      exemptionId: input.exemptionId,
      mode: input.mode,
      ...(input.via ? { tagId: input.via.tagId, via: input.via.kind } : { via: 'manual' }),
    },
  });
  return { ...outcome(ctx, event, device, false, 'door'), exempt: true };
}

/**
 * A device the pupil may keep today and that the school does not hold: the door says so kindly
 * and hands nothing in. One indexed lookup of open exemptions; custody is read only if one applies.
 */
export function keptWithExemption(
  ctx: ServiceContext,
  device: Device,
  input: { actor: string; mode: 'hand-in' | 'return'; via?: { tagId: string; kind: TagKind } },
): CustodyOutcome | null {
  const exemptionId = exemptionForToday(ctx, device);
  if (!exemptionId || readCustody(ctx.db, device.deviceId)?.held) return null;
  return keepExempted(ctx, device, { exemptionId, ...input });
}
