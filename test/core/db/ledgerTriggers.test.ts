import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classFixture, type ClassFixture } from '../support/custodyFixture';
import { verifyLedger } from '../../../src/core/ledger/verify';

describe('the ledger tables protect themselves', () => {
  let f: ClassFixture;
  beforeEach(() => {
    f = classFixture({ size: 1 });
    f.s.noteCondition({ deviceId: f.phones[0]!.deviceId, actor: 'pupil', marks: [], note: 'kras' });
  });
  afterEach(() => f.close());

  const run = (sql: string) => () => f.core.db.prepare(sql).run();

  it('refuse UPDATE and DELETE of events', () => {
    expect(run("UPDATE ledger_events SET actor = 'x' WHERE seq = 1")).toThrow(/append-only/);
    expect(run('DELETE FROM ledger_events WHERE seq = 1')).toThrow(/append-only/);
    expect(run('DELETE FROM ledger_events')).toThrow(/append-only/);
  });

  it("refuse an event that does not follow its kiosk's head", () => {
    const insert = (seq: string, prevHash: string, kiosk = "(SELECT kiosk_id FROM kiosk)") =>
      run(`INSERT INTO ledger_events (seq, event_id, kiosk_id, occurred_at, type, actor, details, prev_hash, hash, encoding)
           VALUES (${seq}, 'e', ${kiosk}, 't', 'handed_in', 'pupil', '{}', ${prevHash}, zeroblob(32), 2)`);
    // The head is the kiosk's newest event.
    const head = '(SELECT %s FROM ledger_events WHERE kiosk_id = (SELECT kiosk_id FROM kiosk) ORDER BY seq DESC LIMIT 1)';
    const headSeq = head.replace('%s', 'seq');
    const headHash = head.replace('%s', 'hash');
    expect(insert(`${headSeq} + 2`, headHash)).toThrow(/follow the head/);
    expect(insert(`${headSeq} + 1`, 'zeroblob(32)')).toThrow(/follow the head/);
    expect(insert(`${headSeq}`, headHash)).toThrow(/follow the head|UNIQUE/);
    // Another kiosk's chain starts at its own seq 1 from the genesis hash, not at this kiosk's head.
    expect(insert(`${headSeq} + 1`, headHash, "'other-kiosk'")).toThrow(/follow the head/);
    expect(insert('2', 'zeroblob(32)', "'other-kiosk'")).toThrow(/follow the head/);
  });

  it('allow a payload only to be redacted, never edited or deleted', () => {
    const seq = (f.core.db.prepare('SELECT max(seq) AS s FROM ledger_payloads').get() as { s: number }).s;
    expect(run(`UPDATE ledger_payloads SET body = '{"note":"iets anders"}' WHERE seq = ${seq}`)).toThrow(/redacted/);
    expect(run(`UPDATE ledger_payloads SET seq = seq + 100 WHERE seq = ${seq}`)).toThrow(/redacted/);
    expect(run(`UPDATE ledger_payloads SET kiosk_id = 'other-kiosk' WHERE seq = ${seq}`)).toThrow(/redacted/);
    // Erasing the text but keeping the salt would leave the hash open to a guess.
    expect(run(`UPDATE ledger_payloads SET body = NULL WHERE seq = ${seq}`)).toThrow(/body and salt/);
    expect(run(`UPDATE ledger_payloads SET salt = randomblob(16) WHERE seq = ${seq}`)).toThrow(/redacted/);
    expect(run(`DELETE FROM ledger_payloads WHERE seq = ${seq}`)).toThrow(/never deleted/);
  });

  it('are STRICT tables with foreign keys enforced', () => {
    const tables = f.core.db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      strict: number;
    }[];
    const ours = ['pupils', 'staff', 'locations', 'pouches', 'devices', 'tags', 'ledger_events', 'ledger_payloads', 'custody', 'ledger_checkpoints', 'ledger_media'];
    for (const name of ours) expect(tables.find((t) => t.name === name)?.strict, name).toBe(1);
    expect(run("INSERT INTO devices (device_id, kind, owner_pupil_id, created_at) VALUES ('d', 'smartphone', 'no-such-pupil', 't')")).toThrow(/FOREIGN KEY/);
  });

  it('the redaction service erases the text, records itself, and the chain still verifies', () => {
    const noteSeq = (f.core.db.prepare('SELECT max(seq) AS s FROM ledger_payloads').get() as { s: number }).s;
    const result = f.s.redactPayloads({ seqs: [noteSeq, 1], reason: 'retention', actor: f.admin.staffId });
    expect(result.redacted).toContain(noteSeq);
    expect(f.core.db.prepare('SELECT body FROM ledger_payloads WHERE seq = ?').get(noteSeq)).toEqual({ body: null });
    const last = f.s.listEvents({ limit: 1 }).events[0]!;
    expect(last).toMatchObject({ type: 'payload_redacted', details: { reason: 'retention' } });
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: true });
    expect(f.s.listEvents({ beforeSeq: noteSeq + 1, limit: 1 }).events[0]).toMatchObject({ redacted: true, payload: null });
  });

  it('an erasure through the redaction path without a redaction event is caught by verify', () => {
    const noteSeq = (f.core.db.prepare('SELECT max(seq) AS s FROM ledger_payloads').get() as { s: number }).s;
    f.core.db.prepare('UPDATE ledger_payloads SET body = NULL, salt = NULL WHERE seq = ?').run(noteSeq);
    expect(verifyLedger(f.core.db)).toMatchObject({ ok: false, firstBadSeq: noteSeq, problem: 'unrecorded_redaction' });
  });
});
