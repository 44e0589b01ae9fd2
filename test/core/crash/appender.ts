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
const devices = s.listDevices().map((d) => d.deviceId);
const teacher = (core.db.prepare("SELECT staff_id FROM staff WHERE role = 'teacher' AND active = 1 LIMIT 1").get() as {
  staff_id: string;
}).staff_id;
process.stdout.write(`READY ${devices.length}\n`);

for (let i = 0; ; i++) {
  const deviceId = devices[i % devices.length] as string;
  let seq: number;
  if (i % 5 === 4) {
    seq = s.noteCondition({ deviceId, actor: 'pupil', marks: ['other'], note: `notitie ${i}` }).event.seq;
  } else if (readCustody(core.db, deviceId)?.held) {
    seq = s.returnDevice({ deviceId, actor: teacher }).event.seq;
  } else {
    seq = s.handIn({ deviceId, actor: 'pupil' }).event.seq;
  }
  // Pipes are synchronous on Linux: once this returns, the parent can read the ack.
  process.stdout.write(`ACK ${seq}\n`);
}
