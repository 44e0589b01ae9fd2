import { buildLedgerDb } from './ledgerDb';
const r = buildLedgerDb((t) => console.log(t, new Date().toISOString()));
console.log(r);
