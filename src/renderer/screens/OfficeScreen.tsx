import { useTranslation } from 'react-i18next';

export function OfficeScreen() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h1>{t('office.title')}</h1>
      <p className="notice" role="note">
        {t('office.notReady')}
      </p>
    </section>
  );
}
