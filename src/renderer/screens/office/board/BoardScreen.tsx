import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardEvent, BoardFilter, BoardKiosk, MethodResult } from '../../../../shared/contract';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';
import { eventTypeList, type EventType } from '../../../../shared/contract/eventTypes';
import { ExportHistory } from '../exports/ExportHistory';
import { downloadPdf } from '../downloadPdf';
import { BoardEventList, type BoardReportScope } from './BoardEventList';
import { BundleImport } from './BundleImport';
import { KioskHealthTable } from './KioskHealthTable';
import './board.css';

type Cursor = MethodResult<'boardEvents'>['next'];
const PAGE = 100;

/**
 * The board's office in board mode: every kiosk's health, and the events of all of them with
 * the same school and kiosk filter above both, narrowed by day, type, device or pupil, and
 * exported (CSV or XLSX) as the list shows them; each export goes into this PC's export history.
 */
export function BoardScreen() {
  const { t, i18n } = useTranslation();
  const [all, setAll] = useState<BoardKiosk[] | null>(null);
  const [school, setSchool] = useState('');
  const [kioskId, setKioskId] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [type, setType] = useState<EventType | ''>('');
  const [deviceId, setDeviceId] = useState('');
  const [pupilId, setPupilId] = useState('');
  // The list with the request it answers: while a newer request runs, the list shows it is loading.
  const [page, setPage] = useState<{ key: string; events: BoardEvent[]; next: Cursor } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | 'pdf' | null>(null);
  const [made, setMade] = useState(0);
  const [exported, setExported] = useState<{ rows: number; file: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const [report, setReport] = useState<{ made: MethodResult<'boardCustodyReport'> } | { error: string } | null>(null);
  const [round, setRound] = useState(0);

  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' }).format(new Date(iso));
  const filter: BoardFilter = {
    ...(school ? { school } : {}),
    ...(kioskId ? { kioskId } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
    ...(type ? { types: [type] } : {}),
    ...(deviceId.trim() ? { deviceId: deviceId.trim() } : {}),
    ...(pupilId.trim() ? { pupilId: pupilId.trim() } : {}),
  };
  const filterKey = JSON.stringify(filter);
  const fail = useCallback((e: unknown) => setError(errorText(e, i18n.language)), [i18n.language]);

  useEffect(() => {
    call('boardKioskHealth', {}).then((r) => setAll(r.kiosks), fail);
  }, [round, fail]);

  const requestKey = `${filterKey}#${round}`;
  useEffect(() => {
    // Typing a device or pupil id asks once per keystroke; an answer to an older question that
    // arrives late must not replace the newer one.
    let current = true;
    call('boardEvents', { filter: JSON.parse(filterKey) as BoardFilter, limit: PAGE }).then(
      (r) => current && setPage({ key: `${filterKey}#${round}`, events: r.events, next: r.next }),
      (e: unknown) => {
        if (!current) return;
        fail(e);
        setPage({ key: `${filterKey}#${round}`, events: [], next: null });
      },
    );
    return () => {
      current = false;
    };
  }, [filterKey, round, fail]);
  const events = page?.events ?? [];
  const next = page?.next ?? null;
  const loading = page?.key !== requestKey || loadingMore;

  const more = async () => {
    if (!page?.next) return;
    setLoadingMore(true);
    try {
      const r = await call('boardEvents', { filter, limit: PAGE, after: page.next });
      setPage({ key: page.key, events: [...page.events, ...r.events], next: r.next });
    } catch (e) {
      fail(e);
    } finally {
      setLoadingMore(false);
    }
  };

  const exportFile = async (format: 'csv' | 'xlsx' | 'pdf') => {
    setExporting(format);
    setExported(null);
    setError(null);
    try {
      const r = await call('boardExport', { filter, format, language: i18n.language === 'en' ? 'en' : 'nl' });
      if (r.saved) setExported({ rows: r.rows, file: r.fileName });
    } catch (e) {
      fail(e);
    } finally {
      setExporting(null);
      setMade((n) => n + 1);
    }
  };

  // The PDF downloads as the kiosk's own report does; its answer stays beside the list it came from.
  const makeReport = async (reportKioskId: string, scope: BoardReportScope) => {
    setReporting(true);
    setReport(null);
    try {
      const made = await call('boardCustodyReport', { kioskId: reportKioskId, scope, language: i18n.language === 'en' ? 'en' : 'nl' });
      downloadPdf(made.fileName, made.base64);
      setReport({ made });
    } catch (e) {
      setReport({ error: errorText(e, i18n.language) });
    } finally {
      setReporting(false);
      setMade((n) => n + 1);
    }
  };

  const schools = [...new Set((all ?? []).map((k) => k.school))];
  const kiosks = (all ?? []).filter((k) => !school || k.school === school);
  const shownHealth = kiosks.filter((k) => !kioskId || k.kioskId === kioskId);

  return (
    <section className="board" aria-labelledby="board-title">
      <h2 id="board-title">{t('board.title')}</h2>
      <p>{t('board.intro')}</p>
      <div className="board-filters">
        <label className="wf-field">
          <span className="wf-label">{t('board.school')}</span>
          <select value={school} onChange={(e) => { setSchool(e.target.value); setKioskId(''); }}>
            <option value="">{t('board.allSchools')}</option>
            {schools.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <label className="wf-field">
          <span className="wf-label">{t('board.kiosk')}</span>
          <select value={kioskId} onChange={(e) => setKioskId(e.target.value)}>
            <option value="">{t('board.allKiosks')}</option>
            {kiosks.map((k) => <option key={k.kioskId} value={k.kioskId}>{`${k.school} · ${k.name || k.kioskId}`}</option>)}
          </select>
        </label>
        <button type="button" onClick={() => setRound((n) => n + 1)}>{t('board.refresh')}</button>
      </div>
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      <section className="board-card" aria-labelledby="board-health-title">
        <h3 id="board-health-title">{t('board.health.title')}</h3>
        {all ? <KioskHealthTable kiosks={shownHealth} when={when} /> : <p role="status">{t('board.loading')}</p>}
      </section>
      <section className="board-card" aria-labelledby="board-events-title">
        <h3 id="board-events-title">{t('board.events.title')}</h3>
        <div className="board-filters">
          <label className="wf-field">
            <span className="wf-label">{t('board.events.from')}</span>
            <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label className="wf-field">
            <span className="wf-label">{t('board.events.to')}</span>
            <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
          </label>
          <label className="wf-field">
            <span className="wf-label">{t('board.events.type')}</span>
            <select value={type} onChange={(e) => setType(e.target.value as EventType | '')}>
              <option value="">{t('board.events.allTypes')}</option>
              {eventTypeList.map((k) => <option key={k} value={k}>{t(`teacher.ledger.types.${k}`)}</option>)}
            </select>
          </label>
          <label className="wf-field">
            <span className="wf-label">{t('board.events.deviceId')}</span>
            <input type="text" value={deviceId} maxLength={100} spellCheck={false} onChange={(e) => setDeviceId(e.target.value)} />
          </label>
          <label className="wf-field">
            <span className="wf-label">{t('board.events.pupilId')}</span>
            <input type="text" value={pupilId} maxLength={100} spellCheck={false} onChange={(e) => setPupilId(e.target.value)} />
          </label>
        </div>
        <div className="board-filters">
          <button type="button" className="primary" disabled={exporting !== null} onClick={() => void exportFile('csv')}>
            {exporting === 'csv' ? t('board.export.busy') : t('board.export.make')}
          </button>
          <button type="button" className="primary" disabled={exporting !== null} onClick={() => void exportFile('xlsx')}>
            {exporting === 'xlsx' ? t('board.export.busy') : t('board.export.makeXlsx')}
          </button>
          <button type="button" className="primary" disabled={exporting !== null} onClick={() => void exportFile('pdf')}>
            {exporting === 'pdf' ? t('board.export.busy') : t('board.export.makePdf')}
          </button>
        </div>
        {exported && <p role="status">{t('board.export.done', { count: exported.rows, file: exported.file })}</p>}
        <p className="field-hint">{t('board.events.idsOnly')} {t('board.report.idsOnly')}</p>
        {report && 'error' in report && (
          <p className="notice" role="alert">
            {report.error}
          </p>
        )}
        {report && 'made' in report && (
          <div className="notice" role="status">
            <p>
              {t('board.report.done', {
                file: report.made.fileName,
                pages: report.made.pageCount,
                events: report.made.events,
                size: report.made.checkpoint.treeSize,
              })}
            </p>
            <p>{report.made.verified ? t('board.report.verified') : t('board.report.notVerified')}</p>
          </div>
        )}
        {reporting && <p role="status">{t('board.report.busy')}</p>}
        <BoardEventList events={events} when={when} onReport={(k, scope) => void makeReport(k, scope)} busy={reporting} />
        {loading && <p role="status">{t('board.loading')}</p>}
        {next && !loading && (
          <button type="button" onClick={() => void more()}>
            {t('board.events.more')}
          </button>
        )}
      </section>
      <BundleImport onImported={() => setRound((n) => n + 1)} />
      <ExportHistory refresh={made} />
    </section>
  );
}
