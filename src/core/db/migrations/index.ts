import type { Migration } from '../migrate';
import { m001Kiosk } from './001-kiosk';
import { m002PeopleAndThings } from './002-people-and-things';
import { m003Ledger } from './003-ledger';
import { m004LedgerPerKiosk } from './004-ledger-per-kiosk';
import { m005LedgerMedia } from './005-ledger-media';
import { m006RegistryChained } from './006-registry-chained';
import { m007CustodyWithoutPouchIndex } from './007-custody-without-pouch-index';
import { m008ScanWritesWhatItMust } from './008-scan-writes-what-it-must';
import { m009StaffPinsPerAccount } from './009-staff-pins-per-account';
import { m010KioskChecks } from './010-kiosk-checks';
import { m011SignedCheckpoints } from './011-signed-checkpoints';
import { m012SignedCheckpointProofs } from './012-signed-checkpoint-proofs';
import { m013BagsAndExemptions } from './013-bags-and-exemptions';
import { m014RetentionRuns } from './014-retention-runs';
import { m015KioskChecksSync } from './015-kiosk-checks-sync';

/** Append only: a released migration is never edited, a new one is added at the end. */
export const migrations: readonly Migration[] = [
  m001Kiosk,
  m002PeopleAndThings,
  m003Ledger,
  m004LedgerPerKiosk,
  m005LedgerMedia,
  m006RegistryChained,
  m007CustodyWithoutPouchIndex,
  m008ScanWritesWhatItMust,
  m009StaffPinsPerAccount,
  m010KioskChecks,
  m011SignedCheckpoints,
  m012SignedCheckpointProofs,
  m013BagsAndExemptions,
  m014RetentionRuns,
  m015KioskChecksSync,
];
