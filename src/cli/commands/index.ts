import type { CliCommand } from '../command';
import { doctor } from './doctor';

/** Every CLI command; a new one is one file in this folder and one line here. */
export const commands: CliCommand[] = [doctor];
