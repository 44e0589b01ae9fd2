import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { tempDir } from '../../support/tempDb';

const root = fileURLToPath(new URL('../../../', import.meta.url));
/** The ledger's own code, and the migrations that create its tables. */
const allowed = ['src/core/ledger/', 'src/core/db/migrations/'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|js|mjs)$/.test(name) ? [path] : [];
  });
}

/** Every table, index and trigger named ledger_… in a freshly migrated database: new ones are covered too. */
function ledgerObjects(): string[] {
  const tmp = tempDir();
  try {
    const db = openDatabase(tmp.dbPath);
    const names = db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 'ledger\\_%' ESCAPE '\\'").pluck().all() as string[];
    db.close();
    return names;
  } finally {
    tmp.cleanup();
  }
}

describe('the ledger owns its tables', () => {
  const names = ledgerObjects();
  const mention = new RegExp(`\\b(${names.join('|')})\\b`);

  it('knows which tables are the ledger’s', () => {
    expect(names).toEqual(expect.arrayContaining(['ledger_events', 'ledger_payloads', 'ledger_checkpoints', 'ledger_media']));
  });

  it('no code outside src/core/ledger/ names them: services, API, CLI and backups call its functions', () => {
    const findings: string[] = [];
    for (const file of sourceFiles(join(root, 'src'))) {
      const path = relative(root, file).split(sep).join('/');
      if (allowed.some((folder) => path.startsWith(folder))) continue;
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (mention.test(line)) findings.push(`${path}:${i + 1}: ${line.trim()}`);
        });
    }
    expect(findings).toEqual([]);
  });
});
