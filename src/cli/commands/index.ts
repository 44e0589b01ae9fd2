import type { CliCommand } from '../command';
import { codesNew } from './codesNew';
import { decodeHid } from './decodeHid';
import { decodeImage } from './decodeImage';
import { doctor } from './doctor';
import { scanners } from './scanners';
import { scannersListen } from './scannersListen';
import { tagDetectProfile } from './tagDetectProfile';
import { tagNormalize } from './tagNormalize';

/** Every CLI command; a new one is one file in this folder and one line here. */
export const commands: CliCommand[] = [
  doctor,
  scanners,
  scannersListen,
  decodeHid,
  decodeImage,
  tagNormalize,
  tagDetectProfile,
  codesNew,
];
