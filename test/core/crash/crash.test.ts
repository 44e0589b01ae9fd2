import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/db/open';
import { readAllCustody, rebuildProjection } from '../../../src/core/ledger/projection';
import { verifyLedger } from '../../../src/core/ledger/verify';
import { tempDir } from '../../support/tempDb';
import { classFixture } from '../support/custodyFixture';

const KILLS = process.env.CI ? 200 : 30;
const appender = fileURLToPath(new URL('./appender.ts', import.meta.url));

interface Ack {
  seq: number;
  /** The event's hash as the victim saw it committed (hex). */
  hash: string;
}

interface Run {
  acked: Ack[];
  problem: string | null;
}

/**
 * One victim: started, left to append a random number of events and then killed a random moment
 * later, mid-append (or killed while still opening the database, one time in eight). Counting
 * acknowledgements rather than milliseconds keeps the mix of kills the same on a loaded machine.
 * Resolves with the seqs it acknowledged.
 */
function runAndKill(dbPath: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', appender, dbPath], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acked: Ack[] = [];
    let problem: string | null = null;
    let buffered = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const kill = () => child.kill('SIGKILL');
    const killAfterAcks = 1 + Math.floor(Math.random() * 15);
    if (Math.random() < 1 / 8) timer = setTimeout(kill, Math.random() * 250);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        if (line.startsWith('ACK ')) {
          const [, seq, hash] = line.split(' ');
          acked.push({ seq: Number(seq), hash: hash ?? '' });
          if (acked.length === killAfterAcks && !timer) timer = setTimeout(kill, Math.random() * 3);
        } else if (line.startsWith('PROBLEM ')) problem = line.slice(8);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // 'close', not 'exit': only then has every acknowledgement left the pipe.
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && !problem) reject(new Error(`appender stopped by itself: ${stderr.slice(0, 500)}`));
      else resolve({ acked, problem });
    });
    // A victim must never outlive its test.
    setTimeout(kill, 5_000).unref();
  });
}

describe('a power cut or crash mid-scan', () => {
  const tmp = tempDir('inleverpunt-crash-');
  beforeAll(() => classFixture({ size: 4, dbPath: tmp.dbPath }).core.close());
  afterAll(() => tmp.cleanup());

  it(
    `loses nothing acknowledged and leaves a ledger that verifies (${KILLS} kills)`,
    { timeout: 15 * 60_000 },
    async () => {
      const allAcked: Ack[] = [];
      let appendedAtLeastOnce = 0;
      for (let kill = 0; kill < KILLS; kill++) {
        const run = await runAndKill(tmp.dbPath);
        expect(run.problem, `start-up check after kill ${kill}`).toBeNull();
        allAcked.push(...run.acked);
        if (run.acked.length > 0) appendedAtLeastOnce++;

        const db = openDatabase(tmp.dbPath);
        try {
          expect(db.pragma('quick_check', { simple: true })).toBe('ok');
          const verified = verifyLedger(db);
          expect(verified, `verify after kill ${kill}`).toMatchObject({ ok: true });
          const lastSeq = (verified as { lastSeq: number }).lastSeq;
          // The chain is gapless and verified, so every seq up to lastSeq is there.
          expect(Math.max(0, ...run.acked.map((a) => a.seq))).toBeLessThanOrEqual(lastSeq);
          if (kill % 10 === 0) {
            const projection = readAllCustody(db);
            rebuildProjection(db);
            expect(readAllCustody(db)).toEqual(projection);
          }
        } finally {
          db.close();
        }
      }
      expect(appendedAtLeastOnce).toBeGreaterThan(KILLS / 2);
      const db = openDatabase(tmp.dbPath);
      try {
        // Not only a row with that seq: the very event that was acknowledged, byte for byte.
        const stored = db.prepare("SELECT lower(hex(hash)) FROM ledger_events WHERE seq = ?").pluck();
        expect(new Set(allAcked.map((a) => a.seq)).size).toBe(allAcked.length);
        for (const ack of allAcked) expect(stored.get(ack.seq), `acknowledged seq ${ack.seq}`).toBe(ack.hash);
      } finally {
        db.close();
      }
    },
  );
});
