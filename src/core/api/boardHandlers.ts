import { basename } from 'node:path';
import type pg from 'pg';
import type { boardMethods, BoardFilter } from '../../shared/contract/board';
import { AppError } from '../../shared/errors';
import { closeQuietly, connectCentral, describeUrl } from '../central/connect';
import { listCentralEvents } from '../central/events';
import type { CentralEventFilter } from '../central/filter';
import { importBundle } from '../central/importBundle';
import { bundleReasons } from '../evidence/bundleReasons';
import { probeCentral } from '../central/probe';
import { kioskHealthView } from '../central/verificationState';
import { exportBoard } from '../export/boardExport';
import { boardCustodyReport } from '../report/makeCentralReport';
import { writeExportFile } from '../export/exportFile';
import type { SaveFileRequest } from './shellActions';
import { readStoredCentral, resolveCentral, storeCentral, viewOf, withPassword, type CentralConnection } from '../central/connection';
import type { Core } from '../index';
import type { AutoSync } from '../central/autoSync';
import { syncStatusOf } from '../central/syncRecord';
import type { Handlers } from './gateway';

type BoardMethod = keyof typeof boardMethods;

export interface BoardHost {
  env: NodeJS.ProcessEnv;
  rolloutPath?: string | undefined;
  sync?: AutoSync;
  /** Where the user saves a board export (the host's save dialog); absent where there is none. */
  chooseSaveFile?: (suggested: SaveFileRequest) => Promise<string | null>;
}

/**
 * The central database for the screen: where it is (the administrator's settings) and, in board
 * mode, the office's lists, health view, export and bundle import across every kiosk. Each call
 * opens its own connection and closes it: a cut network fails one call, never the kiosk.
 */
export function createBoardHandlers(core: Core, host: BoardHost): Pick<Handlers, BoardMethod> {
  const current = (): CentralConnection | null => resolveCentral({ db: core.db, ...host });

  async function withBoard<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
    const connection = current();
    if (!connection?.board) throw new AppError('BOARD_MODE_OFF');
    let client: pg.Client;
    try {
      client = await connectCentral(connection.url, 8000);
    } catch {
      throw new AppError('CENTRAL_UNREACHABLE', { target: describeUrl(connection.url) });
    }
    try {
      return await fn(client);
    } catch (error) {
      if ((error as { code?: string }).code === '42501') throw new AppError('CENTRAL_NO_ACCESS');
      throw error;
    } finally {
      await closeQuietly(client);
    }
  }

  const syncStatus = () => syncStatusOf(core.db, core.health, current() !== null, host.sync?.running ?? false);

  return {
    getCentralConnection: () => viewOf(current()),
    getSyncStatus: () => syncStatus(),
    async syncNow() {
      if (!host.sync) throw new AppError('NOT_AVAILABLE');
      if (!current()) throw new AppError('CENTRAL_URL_MISSING');
      await host.sync.syncNow();
      return syncStatus();
    },
    setCentralConnection({ url, password, board }, { actor }) {
      const stored = readStoredCentral(core.db);
      storeCentral(core.services.context, actor.staffId, url === null ? null : { url: withPassword(url, password, stored?.url ?? null), board });
      return viewOf(current());
    },
    async testCentralConnection({ url, password }) {
      const target = url === undefined ? current()?.url : withPassword(url, password, current()?.url ?? null);
      if (!target) throw new AppError('CENTRAL_URL_MISSING');
      return probeCentral(target);
    },
    boardKioskHealth: ({ school }) => withBoard(async (client) => ({ kiosks: await kioskHealthView(client, school === undefined ? {} : { school }) })),
    boardEvents: ({ filter, limit, after }) =>
      withBoard((client) => listCentralEvents(client, centralFilter(filter), { limit, ...(after ? { after } : {}) })),
    async boardExport({ filter, format, language }, { actor }) {
      if (!host.chooseSaveFile) throw new AppError('NOT_AVAILABLE');
      if (!current()?.board) throw new AppError('BOARD_MODE_OFF');
      const day = core.services.context.now().toISOString().slice(0, 10);
      // Asked before connecting: the dialog may stay open for minutes.
      const path = await host.chooseSaveFile({ fileName: `bestuur-logboek-${day}.${format}`, extension: format });
      if (path === null) return { saved: false as const };
      const request = { format, language, filter: centralFilter(filter), scope: filter, actor: actor.staffId };
      const { rows, sha256 } = await withBoard((client) => writeExportFile(path, (out) => exportBoard(core.services.context, client, request, out)));
      return { saved: true as const, fileName: basename(path), rows, sha256 };
    },
    boardCustodyReport: ({ kioskId, scope, language }, { actor }) =>
      withBoard(async (client) => {
        const report = await boardCustodyReport(core.services.context, client, { kioskId, scope, language, actor: actor.staffId });
        return {
          fileName: report.fileName,
          base64: Buffer.from(report.pdf).toString('base64'),
          pageCount: report.pageCount,
          events: report.events,
          verified: report.verified,
          checkpoint: report.checkpoint,
          sha256: report.sha256,
        };
      }),
    boardImportBundles: ({ files }) =>
      withBoard(async (client) => {
        const results = [];
        for (const file of files) {
          const r = await importBundle(client, Buffer.from(file.base64, 'base64'));
          const none = { imported: 0, skipped: 0, checkpoints: 0, reason: null, message: null };
          results.push(
            r.outcome === 'not_verified'
              ? { ...none, name: file.name, outcome: r.outcome, kioskId: null, reason: r.reason, message: bundleReasons[r.reason] }
              : r.outcome === 'unknown_kiosk' || r.outcome === 'central_bundle' || r.outcome === 'partial_bundle'
                ? { ...none, name: file.name, outcome: r.outcome, kioskId: r.kioskId }
                : { ...none, name: file.name, outcome: r.outcome, kioskId: r.kioskId, imported: r.imported, skipped: r.skipped, checkpoints: r.checkpoints, reason: r.problem ?? null },
          );
        }
        return { results };
      }),
  };
}

/** The screen's days as the PC's local days, `to` inclusive (as the kiosk's own export reads them). */
function centralFilter(filter: BoardFilter): CentralEventFilter {
  const day = (d: string) => new Date(`${d}T00:00:00`);
  const next = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1);
  return {
    ...(filter.school !== undefined ? { school: filter.school } : {}),
    ...(filter.kioskId !== undefined ? { kioskIds: [filter.kioskId] } : {}),
    ...(filter.from ? { from: day(filter.from).toISOString() } : {}),
    ...(filter.to ? { to: next(day(filter.to)).toISOString() } : {}),
    ...(filter.types ? { types: filter.types } : {}),
    ...(filter.deviceId !== undefined ? { deviceId: filter.deviceId } : {}),
    ...(filter.pupilId !== undefined ? { pupilId: filter.pupilId } : {}),
  };
}
