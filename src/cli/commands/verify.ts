import { getEvent } from '../../core/ledger/rows';
import { verifyLedger, type VerifyResult } from '../../core/ledger/verify';
import { output, type CliCommand } from '../command';
import { openReadOnly, withDb } from '../database';

/**
 * The office's "has this log been altered?": SQLite's own quick_check, then the whole hash chain
 * from the first event (not just since the last checkpoint, as at start-up). Read-only.
 */
export const verify: CliCommand = {
  name: 'verify',
  summary: 'Check the database (quick_check) and the whole ledger chain; exit 1 naming the first bad event',
  usage: 'verify',
  run(ctx) {
    return withDb(openReadOnly(ctx.dbPath), (db) => {
      let quickCheck: string;
      try {
        quickCheck = String(db.pragma('quick_check', { simple: true }));
      } catch (error) {
        quickCheck = (error as Error).message;
      }
      let ledger: VerifyResult | { ok: false; error: string };
      try {
        ledger = verifyLedger(db);
      } catch (error) {
        ledger = { ok: false, error: (error as Error).message };
      }
      const ok = quickCheck === 'ok' && ledger.ok;
      const badEvent = !ledger.ok && 'firstBadSeq' in ledger ? getEvent(db, ledger.firstBadSeq) : undefined;
      const firstBad = badEvent ? { type: badEvent.type, occurred_at: badEvent.occurredAt } : undefined;
      output(ctx, { ok, quickCheck, ledger, ...(firstBad ? { firstBadEvent: firstBad } : {}) }, () => {
        const lines = [`quick_check: ${quickCheck}`];
        if (ledger.ok) {
          lines.push(`Logboek klopt / ledger verified: ${ledger.checked} events, last seq ${ledger.lastSeq}, head ${ledger.headHash}`);
        } else if ('firstBadSeq' in ledger) {
          const at = firstBad ? ` (${firstBad.type}, ${firstBad.occurred_at})` : '';
          lines.push(
            `Logboek klopt NIET / ledger FAILED: first bad event seq ${ledger.firstBadSeq}${at}: ${ledger.problem}`,
            `${ledger.checked} events before it verified.`,
          );
        } else {
          lines.push(`Logboek kon niet worden gelezen / ledger unreadable: ${ledger.error}`);
        }
        return lines.join('\n');
      });
      return ok ? 0 : 1;
    });
  },
};
