import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { defaultDbPath } from '../../core/paths';
import { output, type CliCommand } from '../command';
import { listHidDevices, type HidDeviceSummary } from '../../core/hid/devices';

const require = createRequire(import.meta.url);

interface ModuleCheck {
  loads: boolean;
  version: string | null;
  detail: string;
}

function packageVersion(name: string): string | null {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return null;
  }
}

async function checkSqlite(): Promise<ModuleCheck> {
  try {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(':memory:');
    const { v } = db.prepare('SELECT sqlite_version() AS v').get() as { v: string };
    db.close();
    return { loads: true, version: packageVersion('better-sqlite3'), detail: `SQLite ${v}` };
  } catch (error) {
    return { loads: false, version: packageVersion('better-sqlite3'), detail: (error as Error).message };
  }
}

async function checkHid(): Promise<ModuleCheck & { devices: HidDeviceSummary[] }> {
  try {
    const devices = await listHidDevices();
    return { loads: true, version: packageVersion('node-hid'), detail: `${devices.length} HID device(s) visible`, devices };
  } catch (error) {
    return { loads: false, version: packageVersion('node-hid'), detail: (error as Error).message, devices: [] };
  }
}

/** What an IT partner needs to know first when a kiosk misbehaves. */
export const doctor: CliCommand = {
  name: 'doctor',
  summary: 'Check this machine: versions, database location, native modules, HID devices',
  usage: 'doctor [--db FILE] [--json]',
  async run(ctx) {
    const sqlite = await checkSqlite();
    const hid = await checkHid();
    const report = {
      app: packageVersion('inleverpunt') ?? process.env.npm_package_version ?? null,
      node: process.versions.node,
      napi: process.versions.napi,
      platform: `${process.platform}-${process.arch}`,
      electron: packageVersion('electron'),
      appDatabase: defaultDbPath(),
      database: { path: ctx.dbPath, exists: existsSync(ctx.dbPath) },
      betterSqlite3: sqlite,
      nodeHid: { loads: hid.loads, version: hid.version, detail: hid.detail },
      hidDevices: hid.devices,
    };
    output(ctx, report, () =>
      [
        `Inleverpunt ${report.app ?? '?'} — doctor`,
        `Node.js        ${report.node} (N-API ${report.napi}) on ${report.platform}`,
        `Electron       ${report.electron ?? 'not installed'} (package)`,
        `App database   ${report.appDatabase}`,
        `This command   ${report.database.path} (${report.database.exists ? 'exists' : 'not created yet'})`,
        `better-sqlite3 ${sqlite.loads ? 'OK' : 'FAILED'} ${sqlite.version ?? ''} — ${sqlite.detail}`,
        `node-hid       ${hid.loads ? 'OK' : 'FAILED'} ${hid.version ?? ''} — ${hid.detail}`,
        ...hid.devices.map(
          (d) =>
            `  ${hex4(d.vendorId)}:${hex4(d.productId)} usage page ${hex4(d.usagePage)} ${d.product ?? ''} (${d.manufacturer ?? ''})`,
        ),
      ].join('\n'),
    );
    return sqlite.loads && hid.loads ? 0 : 1;
  },
};

const hex4 = (n: number | null) => (n === null ? '----' : n.toString(16).padStart(4, '0'));
