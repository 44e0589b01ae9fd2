import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { eventTypesIn } from '../../../shared/contract/eventTypes';
import type { ExportLogRequest, ExportProgress, MethodResult } from '../../../shared/contract';
import { bridge, call } from '../../bridge';
import { errorText } from '../../errors';
import { ToggleGroup } from '../../components/ToggleGroup';
import { downloadFile } from './downloadPdf';
import { ExportHistory } from './exports/ExportHistory';
import './export.css';
import { GroupSelect } from '../../components/GroupSelect';
import { SubmitForm } from '../../components/SubmitForm';

type Which = 'custody' | 'all';
type Done = MethodResult<'exportLog'>;

const toBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

/**
 * The office exports the custody log for Excel: which days, which group, what kind of events.
 * The kiosk signs a checkpoint first; its note can be kept with the file.
 */
export function ExportScreen() {
  const { t, i18n } = useTranslation();
  const [format, setFormat] = useState<ExportLogRequest['format']>('csv');
  const [which, setWhich] = useState<Which>('custody');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [groups, setGroups] = useState<string[]>([]);
  const [groep, setGroep] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Pushed by the core after every page of events while the export runs.
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEffect(() => bridge().on('exportProgress', setProgress), []);
  const [made, setMade] = useState(0);

  useEffect(() => {
    call('labelLayouts', {}).then(
      (result) => setGroups(result.groups),
      (e: unknown) => setError(errorText(e, i18n.language)),
    );
  }, [i18n.language]);

  const run = async () => {
    setBusy(true);
    setError(null);
    setDone(null);
    setProgress(null);
    try {
      const result = await call('exportLog', {
        format,
        language: i18n.language === 'en' ? 'en' : 'nl',
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        ...(groep ? { groep } : {}),
        ...(which === 'custody' ? { types: [...eventTypesIn('custody', 'device')] } : {}),
      });
      downloadFile(result.fileName, result.base64, result.mime);
      setDone(result);
      setMade((n) => n + 1);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="office-export" aria-labelledby="export-title">
      <h2 id="export-title">{t('office.export.title')}</h2>
      <p>{t('office.export.intro')}</p>
      <SubmitForm
        aria-label={t('office.export.title')}
        onSubmit={run}
      >
        <ToggleGroup<ExportLogRequest['format']>
          label={t('office.export.format')}
          selected={[format]}
          onToggle={setFormat}
          options={[
            { value: 'csv', label: t('office.export.csv') },
            { value: 'xlsx', label: t('office.export.xlsx') },
            { value: 'pdf', label: t('office.export.pdf') },
            { value: 'bundle', label: t('office.export.bundle') },
          ]}
        />
        <ToggleGroup<Which>
          label={t('office.export.which')}
          selected={[which]}
          onToggle={setWhich}
          options={[
            { value: 'custody', label: t('office.export.custody') },
            { value: 'all', label: t('office.export.all') },
          ]}
        />
        <div className="export-filters">
          <label className="wf-field">
            <span className="wf-label">{t('office.export.from')}</span>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="wf-field">
            <span className="wf-label">{t('office.export.to')}</span>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label className="wf-field">
            <span className="wf-label">{t('office.export.group')}</span>
            <GroupSelect groups={groups} value={groep} onChange={setGroep} emptyLabel={t('office.export.allGroups')} />
          </label>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('office.export.busy') : t('office.export.make')}
        </button>
      </SubmitForm>
      {busy && progress && (
        <div className="export-progress">
          <progress max={Math.max(progress.total, 1)} value={progress.done} aria-label={t('office.export.title')} />
          <span role="status">{t('office.export.progress', { done: progress.done, total: progress.total })}</span>
        </div>
      )}
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {done && (
        <div className="notice" role="status">
          <p>{t('office.export.done', { count: done.rows, file: done.fileName })}</p>
          {done.checkpoint && (
            <p>
              {t('office.export.signed', { size: done.checkpoint.treeSize })}{' '}
              <button
                type="button"
                onClick={() => downloadFile(`${done.fileName}.checkpoint.txt`, toBase64(done.checkpoint?.note ?? ''), 'text/plain')}
              >
                {t('office.export.saveCheckpoint')}
              </button>
            </p>
          )}
        </div>
      )}
      <ExportHistory refresh={made} />
    </section>
  );
}
