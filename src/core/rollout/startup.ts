import type { RolloutIssue, RolloutOutcome } from '../../shared/contract/rollout';
import type { Core } from '../index';
import { applyRolloutConfig, awaitsRollout } from './apply';
import { readRolloutConfig } from './read';

/**
 * What the app does with the machine-wide roll-out file each time it opens a database: apply it
 * on the first start (see `awaitsRollout`), leave it alone afterwards. Never throws for a bad
 * file: the kiosk opens on the settings it has, and the outcome says what was wrong.
 */
export function applyRolloutAtStart(core: Pick<Core, 'services'>, path: string): RolloutOutcome {
  const ctx = core.services.context;
  if (ctx.problem() !== null) return { status: 'read-only', path };
  // Looked at before the file is read: a configured kiosk does not care what the file says now.
  if (!awaitsRollout(ctx.db)) return { status: 'already-configured', path };
  const read = readRolloutConfig(path);
  if (read.kind === 'missing') return { status: 'no-file', path };
  if (read.kind === 'invalid') return { status: 'invalid', path, issues: read.issues };
  const applied = applyRolloutConfig(ctx, read.config);
  return applied.status === 'applied' ? { status: 'applied', path, keys: applied.keys } : { status: 'already-configured', path };
}

/** One line for the main process's log: paths, keys and field names, never a value. */
export function rolloutLogLine(outcome: RolloutOutcome): string {
  const head = `[rollout] ${outcome.path}:`;
  switch (outcome.status) {
    case 'no-file':
      return `${head} no roll-out file`;
    case 'already-configured':
      return `${head} not applied, the settings were changed before (first start is over)`;
    case 'read-only':
      return `${head} not applied, the database failed its start-up check`;
    case 'applied':
      return `${head} applied (${outcome.keys.join(', ') || 'nothing differed from the defaults'})`;
    case 'invalid':
      return `${head} NOT applied, the file is invalid: ${formatIssues(outcome.issues, 'en').join('; ')}`;
  }
}

/** `wedge.maxGapMs: expected number`, or just the message when it is about the whole file. */
export function formatIssues(issues: readonly RolloutIssue[], language: 'nl' | 'en'): string[] {
  return issues.map((i) => (i.field ? `${i.field}: ${i.message[language]}` : i.message[language]));
}
