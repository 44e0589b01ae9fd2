import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IncidentKind, type MethodResult, type ReportScope, type ReportSubject } from '../../../../shared/contract';
import { call } from '../../../bridge';
import { errorText } from '../../../errors';
import { downloadPdf } from '../downloadPdf';
import './report.css';
import { GroupSelect } from '../../../components/GroupSelect';

type Made = MethodResult<'makeCustodyReport'>;

type Kind = (typeof IncidentKind.options)[number];
const isIncidentKind = (kind: string): kind is Kind => IncidentKind.safeParse(kind).success;

const when = (iso: string, language: string) =>
  new Date(iso).toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'short', timeStyle: 'short' });

/**
 * The office finds a device by group and pupil and prints its chain-of-custody report: the whole
 * history, or one incident with the custody around it. The PDF downloads like a sticker sheet.
 */
export function ReportScreen() {
  const { t, i18n } = useTranslation();
  const [groups, setGroups] = useState<string[]>([]);
  const [groep, setGroep] = useState('');
  const [devices, setDevices] = useState<ReportSubject[] | null>(null);
  const [deviceId, setDeviceId] = useState('');
  const [busy, setBusy] = useState(false);
  const [made, setMade] = useState<Made | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('reportSubjects', {}).then(
      (r) => setGroups(r.groups),
      (e: unknown) => setError(errorText(e, i18n.language)),
    );
  }, [i18n.language]);

  useEffect(() => {
    if (!groep) return;
    call('reportSubjects', { groep }).then(
      (r) => setDevices(r.devices),
      (e: unknown) => setError(errorText(e, i18n.language)),
    );
  }, [groep, i18n.language]);

  const kindLabel = (kind: string) => (isIncidentKind(kind) ? t(`workflows.incident.kinds.${kind}`) : kind);
  const device = devices?.find((d) => d.deviceId === deviceId) ?? null;

  const make = async (scope: ReportScope) => {
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      const result = await call('makeCustodyReport', { scope, language: i18n.language === 'en' ? 'en' : 'nl' });
      downloadPdf(result.fileName, result.base64);
      setMade(result);
    } catch (e) {
      setError(errorText(e, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="office-report" aria-labelledby="report-title">
      <h2 id="report-title">{t('office.report.title')}</h2>
      <p>{t('office.report.intro')}</p>
      <div className="report-choose">
        <label className="wf-field">
          <span className="wf-label">{t('office.report.group')}</span>
          <GroupSelect
            groups={groups}
            value={groep}
            emptyLabel={t('office.report.chooseGroup')}
            onChange={(g) => {
              setGroep(g);
              setDevices(null);
              setDeviceId('');
            }}
          />
        </label>
        <label className="wf-field">
          <span className="wf-label">{t('office.report.device')}</span>
          <select value={deviceId} disabled={!devices || devices.length === 0} onChange={(e) => setDeviceId(e.target.value)}>
            <option value="">{t('office.report.chooseDevice')}</option>
            {devices?.map((d) => (
              <option key={d.deviceId} value={d.deviceId}>
                {d.pupilName} — {[d.kind, d.description].filter(Boolean).join(': ')}
                {d.active ? '' : ` (${t('office.report.inactive')})`}
              </option>
            ))}
          </select>
        </label>
      </div>
      {devices?.length === 0 && <p className="muted">{t('office.report.noDevices')}</p>}
      {device && (
        <div className="report-scopes">
          <div className="report-scope">
            <h3>{t('office.report.whole')}</h3>
            <p className="muted">{t('office.report.wholeHint')}</p>
            <button type="button" className="primary" disabled={busy} onClick={() => void make({ kind: 'device', deviceId: device.deviceId })}>
              {busy ? t('office.report.busy') : t('office.report.make')}
            </button>
          </div>
          <div className="report-scope">
            <h3>{t('office.report.incidents')}</h3>
            {device.incidents.length === 0 && <p className="muted">{t('office.report.noIncidents')}</p>}
            <ul>
              {device.incidents.map((incident) => (
                <li key={incident.seq}>
                  <span>
                    {t('office.report.incident', {
                      seq: incident.seq,
                      kind: kindLabel(incident.kind),
                      time: when(incident.occurredAt, i18n.language),
                    })}
                  </span>
                  <button type="button" disabled={busy} onClick={() => void make({ kind: 'incident', seq: incident.seq })}>
                    {t('office.report.makeIncident', { seq: incident.seq })}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {error && (
        <p className="notice" role="alert">
          {error}
        </p>
      )}
      {made && (
        <div className="notice" role="status">
          <p>{t('office.report.done', { file: made.fileName, pages: made.pageCount, events: made.events })}</p>
          <p>{made.verified ? t('office.report.verified') : t('office.report.notVerified')}</p>
        </div>
      )}
    </section>
  );
}
