import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CentralUrl, type CentralConnectionView, type CentralProbeResult } from '../../../shared/contract/board';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { Field } from './fields';
import { SyncStatusPanel } from './SyncStatusPanel';
import './central.css';

type Status = { ok: boolean; lines: string[] } | null;

/**
 * Where the board's central database is, and whether this PC is the board's (board mode). A form
 * of its own beside the settings form: its password is sent once and never shown again, and a
 * test tries what is typed before anything is saved.
 */
export function CentralSettings() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<CentralConnectionView | null>(null);
  const [url, setUrl] = useState('');
  const [password, setPassword] = useState('');
  const [board, setBoard] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const show = (next: CentralConnectionView) => {
    setView(next);
    setUrl(next.url ?? '');
    setBoard(next.board);
    setPassword('');
  };
  useEffect(() => {
    call('getCentralConnection', {}).then(show, (e: unknown) => setStatus({ ok: false, lines: [errorText(e, i18n.language)] }));
  }, [i18n.language]);

  const valid = CentralUrl.safeParse(url).success;
  const fail = (e: unknown) => setStatus({ ok: false, lines: [errorText(e, i18n.language)] });
  const probeLines = (r: CentralProbeResult) =>
    r.ok
      ? [t('board.settings.probe.ok', { count: r.kiosks }), r.readsBoard ? t('board.settings.probe.readsBoard') : t('board.settings.probe.kioskOnly')]
      : [t(`board.settings.probe.${r.reason}`)];

  const test = async () => {
    if (!valid) return setStatus({ ok: false, lines: [t('board.settings.urlInvalid')] });
    setBusy(true);
    setStatus(null);
    try {
      const r = await call('testCentralConnection', { url: url.trim(), ...(password ? { password } : {}) });
      setStatus({ ok: r.ok && (r.readsBoard || !board), lines: probeLines(r) });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return setStatus({ ok: false, lines: [t('board.settings.urlInvalid')] });
    try {
      show(await call('setCentralConnection', { url: url.trim(), ...(password ? { password } : {}), board }));
      setStatus({ ok: true, lines: [t('board.settings.saved')] });
    } catch (e) {
      fail(e);
    }
  };

  const forget = async () => {
    try {
      show(await call('setCentralConnection', { url: null, board: false }));
      setStatus({ ok: true, lines: [t('board.settings.forgotten')] });
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section className="settings-section central-settings" aria-labelledby="central-title">
      <h2 id="central-title">{t('board.settings.title')}</h2>
      <p className="field-hint">{t('board.settings.intro')}</p>
      <p>{t(`board.settings.source.${view?.source ?? 'none'}`)}</p>
      <form onSubmit={(e) => void save(e)} aria-labelledby="central-title" className="central-form">
        <div className="field-grid">
          <Field id="central-url" label={t('board.settings.url')} hint={t('board.settings.urlHint')}>
            <input id="central-url" type="text" inputMode="url" spellCheck={false} autoComplete="off" maxLength={2000}
              placeholder="postgres://kantoor@db.bestuur.nl:5432/inleverpunt" aria-describedby="central-url-hint"
              aria-invalid={url !== '' && !valid} value={url} onChange={(e) => setUrl(e.target.value)} />
          </Field>
          <Field id="central-password" label={t('board.settings.password')}
            hint={view?.passwordSet ? t('board.settings.passwordKept') : t('board.settings.passwordNone')}>
            <input id="central-password" type="password" autoComplete="new-password" maxLength={200}
              aria-describedby="central-password-hint" value={password} onChange={(e) => setPassword(e.target.value)} />
          </Field>
        </div>
        <label className="check">
          <input type="checkbox" checked={board} onChange={(e) => setBoard(e.target.checked)} />
          {t('board.settings.board')}
        </label>
        <div className="central-actions">
          <button type="button" onClick={() => void test()} disabled={busy || url === ''}>
            {busy ? t('board.settings.testing') : t('board.settings.test')}
          </button>
          <button type="submit" className="primary" disabled={url === ''}>
            {t('board.settings.save')}
          </button>
          {view?.source === 'settings' && (
            <button type="button" className="danger" onClick={() => void forget()}>
              {t('board.settings.forget')}
            </button>
          )}
        </div>
      </form>
      {status && (
        <div role={status.ok ? 'status' : 'alert'} className={status.ok ? 'status-ok' : 'status-error'}>
          {status.lines.map((line) => (
            <p key={line}>
              {status.ok ? '✓ ' : '⚠ '}
              {line}
            </p>
          ))}
        </div>
      )}
      {view?.source && <SyncStatusPanel changed={view} />}
    </section>
  );
}
