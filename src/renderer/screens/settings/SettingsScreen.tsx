import { useTranslation } from 'react-i18next';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h1>{t('settings.title')}</h1>
    </section>
  );
}
