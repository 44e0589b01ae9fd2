import { useTranslation } from 'react-i18next';
import type { TeacherScreenProps } from './registry';

/** Placeholder until the dashboard lands: says who is on duty. */
export function OverviewScreen({ staff }: TeacherScreenProps) {
  const { t } = useTranslation();
  return (
    <section className="panel">
      <h1>{t('teacher.title')}</h1>
      <p>{t('teacher.onDuty', { name: staff.displayName })}</p>
    </section>
  );
}
