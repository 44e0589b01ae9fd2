/**
 * The crash test's victim: opens the kiosk core on the given database and records custody events
 * as fast as it can, printing "ACK <seq>" to stdout only after each event's transaction committed.
 * The test kills it with SIGKILL at random moments. Not product code.
 */
import { openCore } from '../../../src/core';
import { readCustody } from '../../../src/core/ledger/projection';

const dbPath = process.argv[2];
if (!dbPath) throw new Error('usage: appender.ts <dbPath>');

const core = openCore({ dbPath, appVersion: 'crash-test', pinCost: { N: 1024, r: 8, p: 1 } });
if (core.problem) {
  process.stdout.write(`PROBLEM ${core.problem}\n`);
  process.exit(3);
}
const s = core.services;
// The door's own path: every custody event is a scan of a sticker, as a pupil makes it.
const stickers = (core.db.prepare("SELECT canonical FROM tags WHERE kind = 'device_sticker' AND status = 'active'").pluck().all() as string[]).sort();
const deviceOf = new Map(
  (core.db.prepare("SELECT canonical, device_id FROM tags WHERE kind = 'device_sticker' AND status = 'active'").all() as {
    canonical: string;
    device_id: string;
  }[]).map((r) => [r.canonical, r.device_id]),
);
process.stdout.write(`READY ${stickers.length}\n`);

for (let i = 0; ; i++) {
  const code = stickers[i % stickers.length] as string;
  const deviceId = deviceOf.get(code) as string;
  const event =
    i % 5 === 4
      ? s.noteCondition({ deviceId, actor: 'pupil', marks: ['other'], note: `notitie ${i}` }).event
      : s.scan({ code, mode: readCustody(core.db, deviceId)?.held ? 'return' : 'hand-in', actor: 'pupil' }).event;
  // Pipes are synchronous on Linux: once this returns, the parent can read the ack, with the
  // event's hash so the test can tell it is this very event that survived.
  process.stdout.write(`ACK ${event.seq} ${event.hash}\n`);
}
