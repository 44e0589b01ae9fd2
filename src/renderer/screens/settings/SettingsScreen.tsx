import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/contract/settings';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { useFormDirty } from '../../state/FormDirty';
import { useSettings } from '../../state/SettingsContext';
import { playSound } from '../../feedback/sounds';
import { ExitKiosk } from './ExitKiosk';
import { Field, Section } from './fields';
import { ScannerSettings } from './ScannerSettings';
import { RetentionSettings } from './RetentionSettings';
import { navigate } from '../../state/router';
import './backups.css';
import './settings.css';

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
          <Field id="return-at" label={t('settings.day.returnModeAt')}>
            <input id="return-at" type="time" required value={draft.returnModeAt}
              onChange={(e) => setDraft({ ...draft, returnModeAt: e.target.value })} />
          </Field>
          <Field id="end-at" label={t('settings.day.endOfDayAt')}>
            <input id="end-at" type="time" required value={draft.endOfDayAt}
              onChange={(e) => setDraft({ ...draft, endOfDayAt: e.target.value })} />
          </Field>
        </div>
      </Section>

      <Section title={t('settings.door.title')}>
        <div role="radiogroup" aria-label={t('settings.door.privacy')} className="choices">
          {(['first-name', 'pouch-only'] as const).map((p) => (
            <label key={p} className="check">
              <input type="radio" name="privacy" value={p} checked={draft.privacyDisplay === p}
                onChange={() => setDraft({ ...draft, privacyDisplay: p })} />
              {t(`settings.door.privacyOptions.${p}`)}
            </label>
          ))}
        </div>
        <div role="radiogroup" aria-label={t('settings.door.language')} className="choices">
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
    </div>
  );
}
