import { checkStoredCheckpoints } from '../../core/ledger/checkpoint';
import { getEvent, localKioskId } from '../../core/ledger/rows';
import { verifyAllChains, type VerifyResult } from '../../core/ledger/verify';
import { checkRegistry, describeDifference, type RegistryCheck } from '../../core/registry/check';
import { output, type CliCommand } from '../command';
import { checkOwnSignedCheckpoints } from '../../core/services/checkpoints';
import { openReadOnly, readOnlyContext, withDb } from '../database';

/**
 * The office's "has this log been altered?": SQLite's own quick_check, then every kiosk's hash
 * chain in the file, each on its own from its first event (not just since the last checkpoint, as
 * at start-up), then every stored checkpoint against the chain (the event at its seq must still
 * have the hash it had when checked), then the registry tables against the kiosk's registration events (as at start-up).
 * Read-only. `ledger` is the first bad chain's result, or the kiosk's own. A file from before the
 * registry was chained reports `baseline_due` and is not failed for it: its first start records it.
 */
export const verify: CliCommand = {
  name: 'verify',
  summary: 'Check the database (quick_check), the whole ledger chain, its stored checkpoints and the registry; exit 1 naming the first bad event or row',
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
      let chains: VerifyResult[] = [];
      try {
        chains = verifyAllChains(db).chains;
        const own = localKioskId(db);
        ledger = chains.find((c) => !c.ok) ??
          chains.find((c) => c.kioskId === own) ??
          chains[0] ?? { ok: true, kioskId: '', lastSeq: 0, headHash: '', checked: 0 };
      } catch (error) {
        ledger = { ok: false, error: (error as Error).message };
      }
      let checkpoints: ReturnType<typeof checkStoredCheckpoints> | { error: string };
      try {
        checkpoints = checkStoredCheckpoints(db);
      } catch (error) {
        checkpoints = { error: (error as Error).message };
      }
      let registry: RegistryCheck | { status: 'unreadable'; error: string };
      try {
        registry = checkRegistry(db);
      } catch (error) {
        registry = { status: 'unreadable', error: (error as Error).message };
      }
      const checkpointsOk = 'findings' in checkpoints && checkpoints.findings.length === 0;
      let signed: ReturnType<typeof checkOwnSignedCheckpoints> | { error: string };
      try {
        signed = checkOwnSignedCheckpoints(readOnlyContext(db));
      } catch (error) {
        signed = { error: (error as Error).message };
      }
      const signedOk = 'findings' in signed && signed.findings.length === 0;
      const ok =
        quickCheck === 'ok' && ledger.ok && checkpointsOk && signedOk && (registry.status === 'ok' || registry.status === 'baseline_due');
      const badEvent = !ledger.ok && 'firstBadSeq' in ledger ? getEvent(db, ledger.firstBadSeq, ledger.kioskId) : undefined;
      const firstBad = badEvent && { type: badEvent.type, occurred_at: badEvent.occurredAt };
      output(ctx, { ok, quickCheck, ledger, chains, checkpoints, signedCheckpoints: signed, registry, ...(firstBad ? { firstBadEvent: firstBad } : {}) }, () => {
        const lines = [`quick_check: ${quickCheck}`];
        if (chains.length > 1) {
          for (const c of chains) lines.push(`  kiosk ${c.kioskId}: ${c.ok ? `ok, last seq ${c.lastSeq}` : `seq ${c.firstBadSeq}: ${c.problem}`}`);
        }
        if (ledger.ok) {
          lines.push(`Logboek klopt / ledger verified: ${ledger.checked} events, last seq ${ledger.lastSeq}, head ${ledger.headHash}`);
        } else if ('firstBadSeq' in ledger) {
          const at = firstBad ? ` (${firstBad.type}, ${firstBad.occurred_at})` : '';
          lines.push(
            `Logboek klopt NIET / ledger FAILED: first bad event seq ${ledger.firstBadSeq}${at} of kiosk ${ledger.kioskId}: ${ledger.problem}`,
            `${ledger.checked} events before it verified.`,
          );
        } else {
          lines.push(`Logboek kon niet worden gelezen / ledger unreadable: ${ledger.error}`);
        }
        lines.push(...checkpointLines(checkpoints));
        lines.push(...signedCheckpointLines(signed));
        lines.push(registryLine(registry));
        if (registry.status === 'mismatch') for (const d of registry.differences) lines.push(`  ${describeDifference(d)}`);
        return lines.join('\n');
      });
      return ok ? 0 : 1;
    });
  },
};

function checkpointLines(checkpoints: ReturnType<typeof checkStoredCheckpoints> | { error: string }): string[] {
  if (!('findings' in checkpoints)) return [`Controlepunten konden niet worden gelezen / checkpoints unreadable: ${checkpoints.error}`];
  if (checkpoints.findings.length === 0) {
    return [`Controlepunten kloppen / checkpoints match the chain: ${checkpoints.checked} stored`];
  }
  return [
    `Controlepunten kloppen NIET / checkpoints MISMATCH: ${checkpoints.findings.length} of ${checkpoints.checked} no longer match the chain`,
    ...checkpoints.findings.map(
      (f) => `  kiosk ${f.kioskId} seq ${f.seq}: ${f.problem === 'hash_differs' ? 'the event has another hash than when it was checked' : 'the chain no longer reaches this seq'}`,
    ),
  ];
}

function registryLine(registry: RegistryCheck | { status: 'unreadable'; error: string }): string {
  switch (registry.status) {
    case 'ok':
      return `Registratie klopt / registry matches the ledger (${registry.events} registration events)`;
    case 'baseline_due':
      return 'Registratie nog niet in het logboek / registry not yet recorded: the next start of the kiosk records it';
    case 'mismatch':
      return `Registratie klopt NIET / registry MISMATCH: ${registry.count} difference(s) with the ledger`;
    case 'unreadable':
      return `Registratie kon niet worden gelezen / registry unreadable: ${registry.error}`;
  }
}

function signedCheckpointLines(signed: ReturnType<typeof checkOwnSignedCheckpoints> | { error: string }): string[] {
  if (!('findings' in signed)) return [`Ondertekende controlepunten onleesbaar / signed checkpoints unreadable: ${signed.error}`];
  if (signed.findings.length === 0) return [`Ondertekende controlepunten kloppen / signed checkpoints hold: ${signed.checked}`];
  return signed.findings.map((f) => `Ondertekend controlepunt ${f.treeSize} klopt NIET / signed checkpoint FAILS: ${f.problem}`);
}
