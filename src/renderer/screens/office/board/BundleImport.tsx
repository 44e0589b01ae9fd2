import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleImportOutcome } from '../../../../shared/contract/board';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';
import { fileToBase64 } from '../import/fileBytes';
import { useProblemWords } from './useProblemWords';

/** Bundles of kiosks without a network, from a USB stick, into the central database; `onImported` refreshes the views. */
export function BundleImport({ onImported }: { onImported: () => void }) {
  const { t, i18n } = useTranslation();
  const problem = useProblemWords();
  // The reason in words: the verifier's own sentence, or the health view's words for a refusal.
  const reasonOf = (r: BundleImportOutcome) => {
    if (r.message) return i18n.language === 'en' ? r.message.en : r.message.nl;
    return r.reason ? problem(r.reason) : '';
  };
  const outcomeKey = (r: BundleImportOutcome) => (r.outcome === 'ok' && r.checkpoints > 0 ? 'okWithCheckpoint' : r.outcome);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BundleImportOutcome[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const run = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setBusy(true);
    setError(null);
    setResults(null);
    try {
      const files = await Promise.all([...list].map(async (f) => ({ name: f.name, base64: await fileToBase64(f) })));
      setResults((await call('boardImportBundles', { files })).results);
      onImported();
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="board-import" aria-labelledby="board-import-title">
      <h3 id="board-import-title">{t('board.import.title')}</h3>
      <p className="field-hint">{t('board.import.intro')}</p>
      <label className="file-button">
        {busy ? t('board.import.busy') : t('board.import.choose')}
        <input type="file" multiple accept=".jsonl,application/x-ndjson" disabled={busy}
          onChange={(e) => void run(e.target.files)} />
      </label>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {results && (
        <div role="status">
          <ul>
            {results.map((r) => (
              <li key={r.name} data-outcome={r.outcome}>
                <strong>{r.name}</strong>: {t(`board.import.outcomes.${outcomeKey(r)}`, { imported: r.imported, skipped: r.skipped, reason: reasonOf(r) })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
