import { parseArgs } from 'node:util';
import type { EventListItem } from '../../shared/contract';
import { listCustody, listEvents } from '../../core/services/custody/queries';
import { listDevices } from '../../core/services/devices';
import { listPupils } from '../../core/services/pupils';
import { output, type CliCommand } from '../command';
import { openReadOnly, readOnlyContext, withDb } from '../database';

const USAGE = 'list pupils|devices|custody|events [--limit N] [--all]';
const what = ['pupils', 'devices', 'custody', 'events'] as const;
type What = (typeof what)[number];
const DEFAULT_EVENT_LIMIT = 50;

/** Read-only listings for the office and IT; `custody` is what the school holds now (--all: every device). */
export const list: CliCommand = {
  name: 'list',
  summary: 'List pupils, devices, current custody or the newest ledger events (read-only)',
  usage: USAGE,
  run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.argv,
      options: { limit: { type: 'string' }, all: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
    const kind = what.find((w) => w === positionals[0]);
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (!kind || positionals.length !== 1 || (limit !== undefined && !(Number.isInteger(limit) && limit > 0))) {
      ctx.io.stderr(`Usage: npm run cli -- ${USAGE}\n`);
      return 2;
    }
    return withDb(openReadOnly(ctx.dbPath), (db) => {
      const sctx = readOnlyContext(db);
      const rows = fetch(kind, sctx, limit, values.all);
      output(ctx, { [kind]: rows.data }, () => rows.lines.join('\n') || '(none)');
      return 0;
    });
  },
};

function fetch(
  kind: What,
  ctx: ReturnType<typeof readOnlyContext>,
  limit: number | undefined,
  all: boolean,
): { data: unknown[]; lines: string[] } {
  const cut = <T>(items: T[]): T[] => (limit === undefined ? items : items.slice(0, limit));
  switch (kind) {
    case 'pupils': {
      const pupils = cut(listPupils(ctx));
      return {
        data: pupils,
        lines: pupils.map((p) => `${p.groep.padEnd(4)} ${[p.roepnaam, p.voorvoegsel, p.achternaam].filter(Boolean).join(' ').padEnd(30)} ${p.pupilId}`),
      };
    }
    case 'devices': {
      const devices = cut(listDevices(ctx));
      return { data: devices, lines: devices.map((d) => `${d.kind.padEnd(11)} ${d.description.padEnd(42)} ${d.deviceId}`) };
    }
    case 'custody': {
      const items = cut(listCustody(ctx, { heldOnly: !all }));
      return {
        data: items,
        lines: items.map(
          (c) =>
            `${(c.pupil?.groep ?? '').padEnd(4)} ${(c.pouchNumber === null ? '' : `vak ${c.pouchNumber}`).padEnd(7)} ${(c.pupil?.roepnaam ?? '—').padEnd(12)} ${c.description.padEnd(36)} ${c.held ? 'held' : 'not held'} since ${c.since} ${c.locationName ?? c.custodian ?? ''}${c.confiscatedSeq !== null ? ' CONFISCATED' : ''}`,
        ),
      };
    }
    case 'events': {
      const events = newestEvents(ctx, limit ?? DEFAULT_EVENT_LIMIT);
      return {
        data: events,
        lines: events.map(
          (e) => `${String(e.seq).padStart(7)} ${e.occurredAt} ${e.type.padEnd(21)} ${e.actor.padEnd(36)} ${e.deviceId ?? ''}${e.voidedBySeq !== null ? ` (voided by ${e.voidedBySeq})` : ''}`,
        ),
      };
    }
  }
}

/** listEvents pages at most 500 at a time; follow the pages up to `limit`. */
function newestEvents(ctx: ReturnType<typeof readOnlyContext>, limit: number): EventListItem[] {
  const out: EventListItem[] = [];
  let beforeSeq: number | undefined;
  while (out.length < limit) {
    const page = listEvents(ctx, { limit: Math.min(500, limit - out.length), ...(beforeSeq === undefined ? {} : { beforeSeq }) });
    out.push(...page.events);
    if (page.nextBeforeSeq === null) break;
    beforeSeq = page.nextBeforeSeq;
  }
  return out;
}
