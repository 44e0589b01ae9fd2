import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { useFormDirty } from '../../state/FormDirty';
import { useSettings } from '../../state/SettingsContext';
import { playSound } from '../../feedback/sounds';
import { AboutKiosk } from './AboutKiosk';
import { ExitKiosk } from './ExitKiosk';
import { Field, Section } from './fields';
import { ScannerSettings } from './ScannerSettings';
import { RetentionSettings } from './RetentionSettings';
import { CentralSettings } from './CentralSettings';
import { navigate } from '../../state/router';
import './backups.css';
import './settings.css';

const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Everything a school or its IT partner sets once: admin only (the core checks it too). */
export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const { settings, update } = useSettings();
  const [draft, setDraft] = useState<Settings>(settings);
  const [groupsText, setGroupsText] = useState(settings.groups.join(', '));
  const [kiosk, setKiosk] = useState({ name: '', school: '' });
  const [savedKiosk, setSavedKiosk] = useState({ name: '', school: '' });
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);

  useEffect(() => {
    void call('getKioskInfo', {}).then(({ name, school }) => {
      setKiosk({ name, school });
      setSavedKiosk({ name, school });
    });
  }, []);

  const groups = groupsText.split(',').map((g) => g.trim()).filter(Boolean);
  const dirty =
    JSON.stringify({ ...draft, groups }) !== JSON.stringify(settings) ||
    kiosk.name !== savedKiosk.name ||
    kiosk.school !== savedKiosk.school;
  useFormDirty(dirty);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setStatus(null);
    const badTime = [draft.returnModeAt, draft.endOfDayAt].find((time) => !CLOCK_TIME.test(time));
    if (badTime !== undefined) return setStatus({ ok: false, text: t('settings.day.timeInvalid', { time: badTime }) });
    try {
      if (kiosk.name !== savedKiosk.name || kiosk.school !== savedKiosk.school) {
        const info = await call('renameKiosk', kiosk);
        setSavedKiosk({ name: info.name, school: info.school });
      }
      // The office keeps the printer calibration on its own screen: never send back a stale copy.
      const { labelCalibration: _labelCalibration, ...edited } = draft;
      const next = await update({ ...edited, groups });
      setDraft(next);
      setStatus({ ok: true, text: t('settings.saved') });
    } catch (error) {
      setStatus({ ok: false, text: errorText(error, i18n.language) });
    }
  };

  return (
    <div className="settings">
    <form className="settings" onSubmit={(e) => void save(e)} aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>

      <Section title={t('settings.kiosk.title')}>
        <div className="field-grid">
          <Field id="kiosk-name" label={t('settings.kiosk.name')}>
            <input id="kiosk-name" type="text" required maxLength={60} value={kiosk.name}
              onChange={(e) => setKiosk({ ...kiosk, name: e.target.value })} />
          </Field>
          <Field id="kiosk-school" label={t('settings.kiosk.school')}>
            <input id="kiosk-school" type="text" maxLength={120} value={kiosk.school}
              onChange={(e) => setKiosk({ ...kiosk, school: e.target.value })} />
          </Field>
          <Field id="groups" label={t('settings.kiosk.groups')} hint={t('settings.kiosk.groupsHint')}>
            <input id="groups" type="text" aria-describedby="groups-hint" value={groupsText}
              onChange={(e) => setGroupsText(e.target.value)} />
          </Field>
        </div>
      </Section>

      <Section title={t('settings.day.title')}>
        <div className="field-grid">
          {/* Text, not type="time": that shows "02:00 PM" in an English browser; a school day is 24-hour. */}
          <Field id="return-at" label={t('settings.day.returnModeAt')} hint={t('settings.day.timeHint')}>
            <input id="return-at" type="text" inputMode="numeric" required maxLength={5} placeholder="14:00"
              aria-describedby="return-at-hint" value={draft.returnModeAt}
              onChange={(e) => setDraft({ ...draft, returnModeAt: e.target.value.trim() })} />
          </Field>
          <Field id="end-at" label={t('settings.day.endOfDayAt')} hint={t('settings.day.timeHint')}>
            <input id="end-at" type="text" inputMode="numeric" required maxLength={5} placeholder="15:15"
              aria-describedby="end-at-hint" value={draft.endOfDayAt}
              onChange={(e) => setDraft({ ...draft, endOfDayAt: e.target.value.trim() })} />
          </Field>
        </div>
      </Section>

      <Section title={t('settings.door.title')}>
        <h3 id="privacy-heading">{t('settings.door.privacy')}</h3>
        <div role="radiogroup" aria-labelledby="privacy-heading" className="choices">
          {(['first-name', 'pouch-only'] as const).map((p) => (
            <label key={p} className="check">
              <input type="radio" name="privacy" value={p} checked={draft.privacyDisplay === p}
                onChange={() => setDraft({ ...draft, privacyDisplay: p })} />
              {t(`settings.door.privacyOptions.${p}`)}
            </label>
          ))}
        </div>
        <h3 id="language-heading">{t('settings.door.language')}</h3>
        <div role="radiogroup" aria-labelledby="language-heading" className="choices">
          {(['nl', 'en'] as const).map((l) => (
            <label key={l} className="check" lang={l}>
              <input type="radio" name="language" value={l} checked={draft.language === l}
                onChange={() => setDraft({ ...draft, language: l })} />
              {t(`app.languages.${l}`)}
            </label>
          ))}
        </div>
        <div className="field-grid">
          <label className="check">
            <input type="checkbox" checked={draft.sound.enabled}
              onChange={(e) => setDraft({ ...draft, sound: { ...draft.sound, enabled: e.target.checked } })} />
            {t('settings.door.sound')}
          </label>
          <Field id="volume" label={t('settings.door.volume')}>
            <input id="volume" type="range" min={0} max={1} step={0.1} value={draft.sound.volume}
              onChange={(e) => setDraft({ ...draft, sound: { ...draft.sound, volume: Number(e.target.value) } })} />
          </Field>
          <button type="button" onClick={() => playSound('success', draft.sound)}>
            {t('settings.door.testSound')}
          </button>
        </div>
      </Section>

      <ScannerSettings draft={draft} onChange={(next) => setDraft({ ...draft, ...next })} />
      <RetentionSettings draft={draft.retention} onChange={(retention) => setDraft({ ...draft, retention })} />

      <div className="settings-actions">
        <button type="submit" className="primary" disabled={!dirty}>
          {t('settings.save')}
        </button>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'status-ok' : 'status-error'}>
            {status.ok ? '✓ ' : '⚠ '}
            {status.text}
          </p>
        )}
      </div>
    </form>
      <CentralSettings />
      <section className="settings-section" aria-labelledby="backups-link-title">
        <h2 id="backups-link-title">{t('privacy.backups.title')}</h2>
        <button type="button" onClick={() => navigate('settings', 'backups')}>
          {t('privacy.backups.open')}
        </button>
      </section>
      {/* Outside the form: the PIN pad is a form of its own. */}
      <section className="settings-section" aria-labelledby="exit-title">
        <h2 id="exit-title">{t('settings.exit.title')}</h2>
        <p className="field-hint">{t('settings.exit.help')}</p>
        <ExitKiosk />
      </section>
      <AboutKiosk />
    </div>
  );
}
