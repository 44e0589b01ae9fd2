import { useTranslation } from 'react-i18next';
import { DevicesIcon } from '../../components/DevicesIcon';

export function DoorScreen({ kioskName }: { kioskName: string | null }) {
  const { t } = useTranslation();
  return (
    <section className="door" aria-labelledby="door-prompt">
      <div className="door-icon">
        <DevicesIcon />
      </div>
      <h1 id="door-prompt">{t('door.prompt')}</h1>
      <p className="door-hint">{t('door.hint')}</p>
      <p className="notice" role="note">
        {t('door.notReady')}
      </p>
      {kioskName && (
        <p className="kiosk-name" data-testid="kiosk-name">
          {t('door.kiosk', { name: kioskName })}
        </p>
      )}
    </section>
  );
}
