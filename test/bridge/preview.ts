import { parseArgs } from 'node:util';
import { startBridge } from './server';
import { realClock } from './testClock';

/**
 * `npm run preview:web -- --db FILE --port N`: the kiosk UI in an ordinary browser on a machine
 * without Electron, against the real core. A developer tool, not a way to run a school's kiosk.
 */
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string', default: '5180' }, demo: { type: 'boolean', default: false } },
});
const bridge = await startBridge({
  clock: realClock,
  ...(values.db ? { dbPath: values.db } : {}),
  port: Number(values.port),
  injectClient: true,
  // `--demo`: the demo school (PINs in the README), only into a database without a school.
  demo: values.demo,
});
console.log(`Inleverpunt preview: ${bridge.url}/index.html  (database ${bridge.dbPath})`);
console.log('Ctrl+C stops it.');
const stop = () => void bridge.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
