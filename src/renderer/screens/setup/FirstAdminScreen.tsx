import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { useFormDirty } from '../../state/FormDirty';
import { navigate } from '../../state/router';
import { useSession } from '../../state/SessionContext';
import './setup.css';

/**
 * A new kiosk has no staff yet. The first administrator is made here, on the kiosk, and is then
 * unlocked; the next step is registering the teachers (the office's "Personeel"), as the intro
 * promises.
 */
export function FirstAdminScreen() {
  const { t, i18n } = useTranslation();
  const { refresh } = useSession();
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState(false);
  useFormDirty(!created && (name !== '' || pin !== ''));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{6,8}$/.test(pin)) return setProblem(t('setup.pinShape'));
    if (pin !== again) return setProblem(t('setup.pinMismatch'));
    setBusy(true);
    setProblem(null);
    try {
      await call('createFirstAdmin', { displayName: name.trim(), pin });
      // The session is read again only on the next step: that re-render leaves this screen.
      setCreated(true);
    } catch (error) {
      setProblem(errorText(error, i18n.language));
    } finally {
      setBusy(false);
    }
  };

  if (created) {
    return (
      <section className="setup" aria-labelledby="setup-done-title">
        <h1 id="setup-done-title">{t('setup.doneTitle')}</h1>
        <p>{t('setup.doneText')}</p>
        <button
          type="button"
          className="primary"
          onClick={() => {
            navigate('office', 'staff');
            void refresh();
          }}
        >
          {t('setup.addStaff')}
        </button>
        <button type="button" onClick={() => void refresh()}>
          {t('setup.later')}
        </button>
      </section>
    );
  }

  return (
    <form className="setup" onSubmit={(e) => void submit(e)} aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <label htmlFor="setup-name">{t('setup.name')}</label>
      <input id="setup-name" type="text" required maxLength={80} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor="setup-pin">{t('setup.pin')}</label>
      <input id="setup-pin" type="password" inputMode="numeric" required autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
      <label htmlFor="setup-again">{t('setup.again')}</label>
      <input id="setup-again" type="password" inputMode="numeric" required autoComplete="off" value={again} onChange={(e) => setAgain(e.target.value)} />
      {problem && (
        <p role="alert" className="setup-problem">
          {problem}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
        {t('setup.create')}
      </button>
    </form>
  );
}
