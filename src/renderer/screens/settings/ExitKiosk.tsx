import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PinPad } from '../../components/PinPad';
import { call } from '../../bridge';
import { errorText } from '../../errors';

/** Leaving the full-screen kiosk: an administrator types their PIN again, on purpose. */
export function ExitKiosk() {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!open) {
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('settings.exit.button')}
      </button>
    );
  }
  return (
    <div className="exit-kiosk">
      <PinPad
        label={t('settings.exit.pin')}
        busy={busy}
        message={message}
        onSubmit={(pin) => {
          setBusy(true);
          call('exitKiosk', { pin })
            .then(() => setMessage(t('settings.exit.closing')))
            .catch((error: unknown) => setMessage(errorText(error, i18n.language)))
            .finally(() => setBusy(false));
        }}
      />
      <button type="button" onClick={() => setOpen(false)}>
        {t('settings.cancel')}
      </button>
    </div>
  );
}
