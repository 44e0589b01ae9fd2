import type pg from 'pg';
import { storeCentral } from '../../../src/core/central/connection';
import type { DemoSchool } from '../../../src/core/demo/seed';
import { centralDatabase, registerKioskDb } from '../../core/central/support/central';
import type { ManualTimers } from '../../core/central/support/manualTimers';
import { startPostgres, type PgCluster } from '../../support/postgres';
import { startDemoBridge, type TestBridge } from './demo';

export interface SyncingKiosk {
  cluster: PgCluster;
  admin: pg.Client;
  bridge: TestBridge;
  demo: DemoSchool;
  /** The kiosk role's URL, as the settings screen saved it. */
  url: string;
  close(): Promise<void>;
}

/**
 * The demo school's kiosk with the board's central database set on its settings screen: a
 * throw-away PostgreSQL with a migrated central database, the kiosk registered, and the host's
 * automatic sync on `timers` (which the test fires).
 */
export async function startSyncingKiosk(timers: ManualTimers): Promise<SyncingKiosk> {
  const cluster = await startPostgres();
  const { name, admin } = await centralDatabase(cluster);
  const { bridge, demo } = await startDemoBridge({ autoSync: { timers, sync: { retries: 0, retryDelayMs: 10 } } });
  const url = await registerKioskDb(admin, cluster, name, bridge.core.db);
  storeCentral(bridge.core.services.context, demo.staff.admin.staffId, { url, board: false });
  return {
    cluster, admin, bridge, demo, url,
    async close() {
      await bridge.close();
      await admin.end();
      cluster.stop();
    },
  };
}
