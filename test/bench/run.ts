import { runCentralBench } from './central';
import { runBundlesBench } from './bundles';
import { runDailyCheckBench } from './dailyCheck';
import { runDoorBench } from './door';
import { runExemptionsBench } from './exemptions';
import { runExportsBench } from './exports';
import { runLabelsBench } from './labels';
import { runImportBench } from './import';
import { runLedgerBench } from './ledger';
import { runReportBench } from './report';
import { runPurgeBench } from './purge';
import { runScanningBench } from './scanning';

/** `npm run bench`: every benchmark, each against a baseline measured in the same run. */
const started = performance.now();
await runScanningBench();
await runDoorBench();
await runLedgerBench();
await runLabelsBench();
await runImportBench();
await runDailyCheckBench();
runExemptionsBench();
await runReportBench();
await runExportsBench();
await runPurgeBench();
await runCentralBench();
await runBundlesBench();
console.log(`\nBench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
