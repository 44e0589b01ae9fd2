import { runBundlesBench } from './bundles';
import { runDailyCheckBench } from './dailyCheck';
import { runDoorBench } from './door';
import { runLabelsBench } from './labels';
import { runImportBench } from './import';
import { runLedgerBench } from './ledger';
import { runScanningBench } from './scanning';

/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
const started = performance.now();
await runScanningBench();
await runDoorBench();
await runLedgerBench();
await runLabelsBench();
await runImportBench();
await runDailyCheckBench();
await runBundlesBench();
console.log(`\nBench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
