import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChooseAndPin } from '../../components/ChooseAndPin';
import { call } from '../../bridge';

/** Leaving the full-screen kiosk: an administrator chooses their name and types their PIN again, on purpose. */
export function ExitKiosk() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [closing, setClosing] = useState(false);
  if (!open) {
    return (
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {t('settings.exit.button')}
      </button>
    );
  }
  return (
    <div className="exit-kiosk">
      <ChooseAndPin
        padLabel={t('settings.exit.pin')}
        note={closing ? t('settings.exit.closing') : null}
        onSubmit={async (staffId, pin) => {
          await call('exitKiosk', { staffId, pin });
          setClosing(true);
        }}
      />
      <button type="button" onClick={() => setOpen(false)}>
        {t('settings.cancel')}
      </button>
    </div>
  );
}
