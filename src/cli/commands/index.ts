import type { CliCommand } from '../command';
import { backup } from './backup';
import { centralExport, centralInit, centralReport, centralRegisterKiosk, centralStatus, centralVerify, centralWitness, centralWitnessKey, centralCosigned, importBundleCommand } from './central';
import { checkpoint, checkpoints } from './checkpoints';
import { codesNew } from './codesNew';
import { configCheck } from './configCheck';
import { decodeHid } from './decodeHid';
import { decodeImage } from './decodeImage';
import { demo } from './demo';
import { devicesAdd, devicesList, tagsAssign, tagsMove, tagsRevoke } from './devices';
import { doctor } from './doctor';
import { exemptionsAdd, exemptionsEnd, exemptionsList } from './exemptions';
import { erase } from './erase';
import { exportLog } from './exportLog';
import { importPupils } from './importPupils';
import { init } from './init';
import { labels, labelsCalibrate } from './labels';
import { list } from './list';
import { purge } from './purge';
import { pupilData } from './pupilData';
import { deviceAdd, locationAdd, pouchAssign, pupilAdd, tagRevoke } from './register';
import { pouchesAssign, pouchesCreate, pouchesList } from './pouches';
import { report } from './report';
import { restore } from './restore';
import { scan } from './scan';
import { scanners } from './scanners';
import { scannersListen } from './scannersListen';
import { sync } from './sync';
import { staffAdd, staffClearLock, staffDeactivate, staffList, staffResetPin, staffSetRole } from './staff';
import { tagDetectProfile } from './tagDetectProfile';
import { tagNormalize } from './tagNormalize';
import { verify } from './verify';
import { verifyBundleCommand } from './verifyBundle';

/** Every CLI command; a new one is one file in this folder and one line here. */
export const commands: CliCommand[] = [
  doctor,
  configCheck,
  scanners,
  scannersListen,
  decodeHid,
  decodeImage,
  tagNormalize,
  tagDetectProfile,
  codesNew,
  init,
  demo,
  scan,
  verify,
  checkpoints,
  checkpoint,
  exportLog,
  report,
  verifyBundleCommand,
  backup,
  restore,
  list,
  staffAdd,
  staffList,
  staffDeactivate,
  staffSetRole,
  staffResetPin,
  staffClearLock,
  pupilAdd,
  importPupils,
  locationAdd,
  pouchAssign,
  deviceAdd,
  tagRevoke,
  devicesAdd,
  devicesList,
  tagsAssign,
  tagsRevoke,
  tagsMove,
  labels,
  labelsCalibrate,
  pouchesCreate,
  pouchesAssign,
  pouchesList,
  exemptionsAdd,
  exemptionsList,
  exemptionsEnd,
  purge,
  erase,
  pupilData,
  centralInit,
  centralRegisterKiosk,
  sync,
  centralWitness,
  centralWitnessKey,
  centralCosigned,
  centralVerify,
  centralStatus,
  centralExport,
  centralReport,
  importBundleCommand,
];
