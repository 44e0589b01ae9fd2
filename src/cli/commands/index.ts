import type { CliCommand } from '../command';
import { backup } from './backup';
import { checkpoint, checkpoints } from './checkpoints';
import { codesNew } from './codesNew';
import { configCheck } from './configCheck';
import { decodeHid } from './decodeHid';
import { decodeImage } from './decodeImage';
import { demo } from './demo';
import { doctor } from './doctor';
import { exportLog } from './exportLog';
import { importPupils } from './importPupils';
import { init } from './init';
import { labels, labelsCalibrate } from './labels';
import { list } from './list';
import { deviceAdd, locationAdd, pouchAssign, pupilAdd, tagRevoke } from './register';
import { restore } from './restore';
import { scan } from './scan';
import { scanners } from './scanners';
import { scannersListen } from './scannersListen';
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
  labels,
  labelsCalibrate,
];
