import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MAX_IMPORT_BYTES,
  type ColumnMapping,
  type DeactivationScope,
  type ImportPreview,
  type ImportReport,
} from '../../../../shared/contract/pupilImport';
import { AppError, type AppErrorData } from '../../../../shared/errors';
import { unreadableText } from '../../../../shared/importTexts';
import { call, CallError } from '../../../bridge';
import { useWorkflowSubmit } from '../../../components/useWorkflowSubmit';
import { useFormDirty } from '../../../state/FormDirty';
import { fileToBase64 } from './fileBytes';
import { MappingStep } from './MappingStep';
import { PreviewView } from './PreviewView';

interface ChosenFile {
  fileName: string;
  base64: string;
}

const sameMapping = (a: ColumnMapping | undefined, b: ColumnMapping | undefined) =>
  JSON.stringify(Object.entries(a ?? {}).sort()) === JSON.stringify(Object.entries(b ?? {}).sort());

/**
 * Choose a file, (for a class list) check the columns, look at what will change, apply it with
 * a confirmation, see the report. Nothing is written before "Inlezen" is confirmed, and what is
 * written is the preview on the screen: the core refuses it once the pupils changed since.
 */
export function ImportScreen() {
  const { t, i18n } = useTranslation();
  const submit = useWorkflowSubmit();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | undefined>(undefined);
  const [scope, setScope] = useState<DeactivationScope>('school');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [unreadable, setUnreadable] = useState<AppErrorData | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useFormDirty(preview !== null && report === null);

  const showUnreadable = (error: unknown) => {
    if (error instanceof CallError && error.data.code === 'IMPORT_UNREADABLE') {
      setUnreadable(error.data);
      return true;
    }
    return false;
  };

  const load = (chosen: ChosenFile, withMapping: ColumnMapping | undefined, withScope: DeactivationScope) =>
    submit.run(async () => {
      setUnreadable(null);
      const next = await call('previewPupilImport', { ...chosen, ...(withMapping ? { mapping: withMapping } : {}), scope: withScope });
      setPreview(next);
      setMapping(next.mapping ?? undefined);
    }, showUnreadable);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    if (!chosen) return;
    setPreview(null);
    setReport(null);
    setConfirming(false);
    void submit.run(async () => {
      setUnreadable(null);
      if (chosen.size > MAX_IMPORT_BYTES) throw new CallError(new AppError('IMPORT_TOO_LARGE', { maxBytes: MAX_IMPORT_BYTES }).toData());
      const loaded = { fileName: chosen.name, base64: await fileToBase64(chosen) };
      setFile(loaded);
      const next = await call('previewPupilImport', { ...loaded, scope });
      setPreview(next);
      setMapping(next.mapping ?? undefined);
    }, showUnreadable);
  };

  const apply = () => {
    if (!file || !preview) return;
    void submit.run(async () => {
      const done = await call('applyPupilImport', {
        ...file,
        ...(mapping ? { mapping } : {}),
        scope: preview.scope,
        fingerprint: preview.fingerprint,
      });
      setReport(done);
      setConfirming(false);
    });
  };

  const startOver = () => {
    setScope('school');
    setFile(null);
    setPreview(null);
    setReport(null);
    setMapping(undefined);
    if (input.current) input.current.value = '';
  };

  const mappingChanged = preview !== null && !sameMapping(mapping, preview.mapping ?? undefined);
  const canApply =
    preview !== null && !mappingChanged && preview.problemCount === 0 && preview.counts.added + preview.counts.changed + preview.counts.deactivated > 0;
  const details = unreadable?.code === 'IMPORT_UNREADABLE' ? unreadable.details : undefined;
  const lang = i18n.language === 'en' ? 'en' : 'nl';

  return (
    <div className="office-page">
      <h1>{t('office.import.title')}</h1>
      <p className="muted">{t('office.import.intro')}</p>

      {report ? (
        <section className="card" aria-labelledby="report-title">
          <h2 id="report-title">✓ {t('office.import.done')}</h2>
          <p role="status" className="message message-ok">
            {t('office.import.doneText', { ...report.counts, seq: report.seq })}
          </p>
          {report.leftOut.length > 0 && (
            <p className="muted">
              {t('office.import.preview.leftOutTitle')}: {report.leftOut.map((l) => l.field).join(', ')}
            </p>
          )}
          <div className="choice-row">
            <button type="button" onClick={startOver}>
              {t('office.import.another')}
            </button>
          </div>
        </section>
      ) : (
        <>
          <section className="card">
            <div className="file-pick">
              <label className="file-button">
                <input ref={input} type="file" accept=".xml,.csv,.txt,.xlsx" disabled={submit.busy} onChange={onFile} />
                {t('office.import.chooseFile')}
              </label>
            </div>
            <p className="muted">{t('office.import.fileHint')}</p>
            {submit.busy && <p role="status">{t('office.import.reading')}</p>}
            {preview && file && (
              <p>
                {file.fileName}: {t(`office.import.formats.${preview.format}`, { version: preview.version ?? '' })}
              </p>
            )}
          </section>

          {unreadable && (
            <div role="alert" className="message message-error">
              <p>{unreadable.message[lang]}</p>
              {details && (
                <p>
                  {details.line !== undefined
                    ? t('office.import.unreadableAt', { line: details.line, reason: unreadableText(details.reason)[lang] })
                    : unreadableText(details.reason)[lang]}
                </p>
              )}
            </div>
          )}
          {submit.problem && (
            <p role="alert" className="message message-error">
              {submit.problem}
            </p>
          )}

          {preview?.columns && file && mapping !== undefined && (
            <>
              <MappingStep columns={preview.columns} mapping={mapping} onChange={setMapping} />
              {mappingChanged && (
                <div className="choice-row">
                  <button type="button" className="primary" disabled={submit.busy} onClick={() => void load(file, mapping, scope)}>
                    {t('office.import.mapping.update')}
                  </button>
                </div>
              )}
            </>
          )}

          {preview && file && !mappingChanged && (
            <div className="card scope-choice" role="radiogroup" aria-label={t('office.import.scope.label')}>
              <span>{t('office.import.scope.label')}</span>
              {(['school', 'groups'] as const).map((option) => (
                <label key={option} className="check">
                  <input
                    type="radio"
                    name="scope"
                    value={option}
                    checked={scope === option}
                    disabled={submit.busy}
                    onChange={() => {
                      setScope(option);
                      void load(file, mapping, option);
                    }}
                  />
                  {t(`office.import.scope.${option}`)}
                </label>
              ))}
            </div>
          )}
          {preview && !mappingChanged && <PreviewView preview={preview} />}

          {preview && !confirming && (
            <div className="choice-row">
              <button type="button" className="primary" disabled={!canApply || submit.busy} onClick={() => setConfirming(true)}>
                {t('office.import.apply')}
              </button>
              {file && (
                <button type="button" disabled={submit.busy} onClick={() => void load(file, mapping, scope)}>
                  {t('office.import.refresh')}
                </button>
              )}
            </div>
          )}
          {preview && confirming && (
            <div className="confirm-box" role="alertdialog" aria-labelledby="confirm-title">
              <h2 id="confirm-title">{t('office.import.confirmTitle')}</h2>
              <p>{t('office.import.confirmText', preview.counts)}</p>
              <div className="choice-row">
                <button type="button" className="primary" disabled={submit.busy} onClick={apply}>
                  {t('office.import.confirmYes')}
                </button>
                <button type="button" onClick={() => setConfirming(false)}>
                  {t('office.import.cancel')}
                </button>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}
