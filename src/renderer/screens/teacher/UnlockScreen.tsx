import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinPad } from '../../components/PinPad';
import { useSession } from '../../app/SessionContext';
import { errorText } from '../../app/errors';

/** The staff screens open only with a personal PIN; lockout and back-off are the core's. */
export function UnlockScreen() {
  const { t, i18n } = useTranslation();
  const { unlock } = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <section className="unlock" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t('teacher.unlock.title')}</h1>
      <PinPad
        label={t('teacher.unlock.pin')}
        busy={busy}
        message={message}
        onSubmit={(pin) => {
          setBusy(true);
          setMessage(null);
          unlock(pin)
            .catch((error: unknown) => setMessage(errorText(error, i18n.language)))
            .finally(() => setBusy(false));
        }}
      />
    </section>
  );
}
