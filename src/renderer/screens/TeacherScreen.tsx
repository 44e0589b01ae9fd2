import { useTranslation } from 'react-i18next';

export function TeacherScreen() {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h1>{t('teacher.title')}</h1>
      <p className="notice" role="note">
        {t('teacher.notReady')}
      </p>
    </section>
  );
}
