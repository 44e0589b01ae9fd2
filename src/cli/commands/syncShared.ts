import { runPendingPurge } from '../../core/backup/restoreMark';
import { describeUrl } from '../../core/central/connect';
import { syncKiosk, type SyncOptions, type SyncResult } from '../../core/central/sync';
import { kioskNoteVerifier } from '../../core/kiosk/signer';
import { AppError } from '../../shared/errors';
import { openCliCore } from '../database';

/**
 * One sync of a kiosk database from the terminal, as the running kiosk does it: what is new goes
 * up, and a kiosk behind its central copy (restored from an older backup) takes the missing
 * events back first (unless the file failed its start-up check: then it only reports). A
 * restore's retention purge that waited for this sync runs after it, whatever its outcome.
 */
export async function syncKioskFile(dbPath: string, url: string, options: SyncOptions = {}): Promise<{ result: SyncResult; purgedEvents: number | null }> {
  const core = openCliCore(dbPath);
  try {
    let purgedEvents: number | null = null;
    const takeBack = core.problem === null ? { takeBack: { now: () => new Date(), verifier: kioskNoteVerifier(core.db) } } : {};
    let result: SyncResult;
    try {
      result = await syncKiosk(core.db, url, { ...takeBack, ...options });
    } catch (error) {
      // A login refused or a server that is not PostgreSQL: not a refusal of events, and not retried.
      const code = (error as { code?: string }).code;
      if (code === '28P01' || code === '3D000') throw new AppError('CENTRAL_UNREACHABLE', { target: describeUrl(url) });
      throw error;
    } finally {
      // Also when the sync failed outright: a restored file keeps no erased data for longer than one attempt.
      if (core.problem === null) purgedEvents = runPendingPurge(core.services.context)?.events ?? null;
    }
    return { result, purgedEvents };
  } finally {
    core.close();
  }
}

/** What the terminal says of a sync's outcome, in Dutch and English. */
export const SYNC_WORDS = {
  ok: 'bijgewerkt / up to date',
  refused: 'GEWEIGERD door de centrale database / REFUSED by the central database',
  diverged: 'AFWIJKEND: de keten van deze kiosk klopt niet meer met de centrale kopie / DIVERGED: this kiosk chain no longer matches the central copy',
  offline: 'niet bereikbaar, volgende keer verder / unreachable, goes on next time',
} as const;

/** The lines of a sync's result, with what it took back (after a restore) and why it stopped. */
export function syncLines(result: SyncResult): string[] {
  return [
    `Sync: ${SYNC_WORDS[result.outcome]}`,
    ...(result.takenBack > 0
      ? [`${result.takenBack} gebeurtenissen teruggehaald uit de centrale database / events taken back from the central database (zonder persoonsgegevens / without personal data)`]
      : []),
    `${result.uploaded} gebeurtenissen verstuurd / events sent, ${result.checkpointsUploaded} controlepunten / checkpoints; ` +
      `kiosk ${result.localSeq}, centraal / central ${result.centralSeq}`,
    ...(result.problem ? [`${result.problem}${result.seq === undefined ? '' : ` (seq ${result.seq})`}`, ...problemHelp(result.problem)] : []),
  ];
}

function problemHelp(problem: string): string[] {
  switch (problem) {
    case 'forked_after_restore':
      return [
        'Deze kiosk legde na het terugzetten al eigen gebeurtenissen vast voordat hij kon bijwerken; er is niets teruggehaald. Bel de ICT-partner.',
        'This kiosk recorded events of its own after the restore before it could catch up; nothing was taken back. Call the IT partner.',
      ];
    case 'central_event_altered':
    case 'central_chain_broken':
    case 'central_checkpoint_mismatch':
      return [
        'De centrale kopie van deze keten klopt niet; er is niets teruggehaald. Het bestuurskantoor moet de centrale database laten controleren.',
        "The central copy of this chain does not check out; nothing was taken back. The board's office must have the central database checked.",
      ];
    default:
      return [];
  }
}
