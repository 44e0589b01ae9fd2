import type { ExportRecord } from '../../shared/contract/exportHistory';
import { prepared } from '../db/statements';
import { readEvents } from '../ledger/readModel';
import type { ServiceContext } from '../services/context';

/** The kiosk's `export_made` events, newest first, with the staff member's name for the office. */
export function listExports(ctx: Pick<ServiceContext, 'db' | 'kioskId'>, limit = 50): ExportRecord[] {
  const names = new Map(
    prepared<{ staff_id: string; display_name: string }>(ctx.db, 'SELECT staff_id, display_name FROM staff')
      .all()
      .map((s) => [s.staff_id, s.display_name]),
  );
  const { events } = readEvents(ctx.db, { kioskId: ctx.kioskId, types: ['export_made'], limit });
  return events.map((e) => {
    const d = e.details;
    return {
      seq: e.seq,
      occurredAt: e.occurredAt,
      by: names.get(e.actor) ?? e.actor,
      format: typeof d.format === 'string' ? d.format : '',
      what: typeof d.what === 'string' ? d.what : null,
      filter: typeof d.filter === 'object' && d.filter !== null ? (d.filter as Record<string, unknown>) : {},
      rows: typeof d.rows === 'number' ? d.rows : typeof d.events === 'number' ? d.events : typeof d.labelCount === 'number' ? d.labelCount : 0,
      sha256: typeof d.sha256 === 'string' ? d.sha256 : null,
      checkpointTreeSize: typeof d.checkpointTreeSize === 'number' ? d.checkpointTreeSize : null,
    };
  });
}
