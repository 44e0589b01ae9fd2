import { readFileSync } from 'node:fs';
import { RolloutConfig, type RolloutIssue } from '../../shared/contract/rollout';
import { AppError } from '../../shared/errors';
import { describeIssues } from './issues';

export type RolloutRead =
  | { kind: 'missing'; path: string }
  | { kind: 'valid'; path: string; config: RolloutConfig }
  /** `error` is ROLLOUT_CONFIG_INVALID with `details: { path, issues }`. */
  | { kind: 'invalid'; path: string; issues: RolloutIssue[]; error: AppError };

/**
 * Reads and checks the roll-out file. A missing file is the normal case (most kiosks are set up
 * on the kiosk itself); anything else that is not a valid file is `invalid`, naming the field.
 */
export function readRolloutConfig(path: string): RolloutRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
    if (code === 'ENOENT') return { kind: 'missing', path };
    return invalid(path, [{ field: '', message: { nl: `het bestand kan niet worden gelezen (${code})`, en: `the file cannot be read (${code})` } }]);
  }
  let json: unknown;
  try {
    // Notepad on Windows saves UTF-8 with a byte-order mark, which JSON.parse refuses.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return invalid(path, [notJson((error as Error).message)]);
  }
  const parsed = RolloutConfig.safeParse(json);
  if (!parsed.success) return invalid(path, describeIssues(parsed.error, json));
  return { kind: 'valid', path, config: parsed.data };
}

function invalid(path: string, issues: RolloutIssue[]): RolloutRead {
  return { kind: 'invalid', path, issues, error: new AppError('ROLLOUT_CONFIG_INVALID', { path, issues }) };
}

/** V8 says where ("line 3 column 5"); the rest of its message may quote the file. */
function notJson(message: string): RolloutIssue {
  const at = /line (\d+) column (\d+)/.exec(message);
  return at
    ? { field: '', message: { nl: `geen geldige JSON (regel ${at[1]}, kolom ${at[2]})`, en: `not valid JSON (line ${at[1]}, column ${at[2]})` } }
    : { field: '', message: { nl: 'geen geldige JSON', en: 'not valid JSON' } };
}
