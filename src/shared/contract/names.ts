/**
 * The contract's names without its schemas, so the sandboxed preload can be built from them
 * without bundling a validation library. `index.ts` checks at compile time that these lists and
 * the schema tables have exactly the same keys.
 */
export const methodNameList = [
  'getKioskInfo',
  'renameKiosk',
  'listHidDevices',
  'getHealth',
  'restoreNewestBackup',
  'restoreAfterFailedStart',
  'retryStart',
  'exitKiosk',
  'getSetupState',
  'createFirstAdmin',
  'getSettings',
  'updateSettings',
  // custody ledger
  'scan',
  'handIn',
  'returnDevice',
  'transfer',
  'confiscate',
  'releaseToGuardian',
  'noteCondition',
  'reportIncident',
  'correct',
  'undoConditionNote',
  'unlockStaff',
  'lockStaff',
  'getSession',
  'listCustody',
  'custodyCount',
  'listEvents',
  'listPupils',
  'listDevices',
  'verifyLedger',
  // the teacher's day (contract/day.ts)
  'listStaff',
  'listLocations',
  'getDay',
  'missingToday',
  'keepOvernight',
  'closeDay',
  // kept photos and signatures (contract/media.ts)
  'getMedia',
  // sticker sheets (contract/labels.ts)
  'labelLayouts',
  'makeLabelSheet',
  'makeCalibrationPage',
  'setLabelCalibration',
  // staff accounts and PINs (contract/staff.ts)
  'listStaffNames',
  'listStaffAccounts',
  'addStaff',
  'changeStaff',
  'resetStaffPin',
  'clearStaffLock',
  'changeOwnPin',
  // the office's pupil import (contract/pupilImport.ts)
  'previewPupilImport',
  'applyPupilImport',
  'listImportMappings',
  'saveImportMapping',
  // the office's export of the log (contract/exports.ts)
  'exportLog',
  // devices and their tags, enrolment at the door (contract/devices.ts)
  'listGroupDevices',
  'registerDevice',
  'attachTag',
  'revokeDeviceTag',
  'moveTag',
  'enrolDevice',
  // phone bags and pouches (contract/pouches.ts)
  'listBags',
  'createBag',
  'addPouches',
  'autoAssignPouches',
  'movePupilToPouch',
  'freePouch',
  'retirePouch',
  // exemptions (contract/exemptions.ts)
  'listExemptions',
  'exemptionChoices',
  'addExemption',
  'endExemption',
  // the chain-of-custody report (contract/reports.ts)
  'reportSubjects',
  'makeCustodyReport',
  // privacy: retention, the AVG's requests and backups (contract/privacy.ts)
  'previewPurge',
  'runPurge',
  'privacyPupils',
  'subjectAccess',
  'erasePupil',
  'listBackups',
  'makeBackupNow',
  'copyBackup',
  'restoreBackup',
  // the exports made so far (contract/exportHistory.ts)
  'listExports',
  // the board's central database (contract/board.ts)
  'getCentralConnection',
  'setCentralConnection',
  'testCentralConnection',
  'getSyncStatus',
  'syncNow',
  'boardKioskHealth',
  'boardEvents',
  'boardExport',
  'boardImportBundles',
  'boardCustodyReport',
] as const;
export const eventNameList = ['scan', 'stateChanged', 'custodyChanged', 'exportProgress'] as const;

export type MethodName = (typeof methodNameList)[number];
export type EventName = (typeof eventNameList)[number];

/** The IPC channel of a method; one prefix so nothing outside the contract can be registered. */
export const channelOf = (name: MethodName): string => `inleverpunt:${name}`;
export const eventChannelOf = (name: EventName): string => `inleverpunt-event:${name}`;

/** The name under which the preload (or the test bridge) puts the bridge on `window`. */
export const BRIDGE_GLOBAL = 'inleverpunt';
