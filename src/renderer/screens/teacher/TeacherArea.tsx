import { useTranslation } from 'react-i18next';
import { navigate } from '../../state/router';
import { useSession } from '../../state/SessionContext';
import { LockButton } from './LockButton';
import { teacherScreens } from './registry';
import { UnlockScreen } from './UnlockScreen';

export function TeacherArea({ screen, params }: { screen: string | null; params: URLSearchParams }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const staff = session.unlocked;
  if (!staff) return <UnlockScreen />;
  const current = teacherScreens.find((s) => s.id === screen) ?? teacherScreens[0]!;
  const { Component } = current;
  return (
    <div className="teacher-area">
      <nav className="teacher-menu" aria-label={t('teacher.menu.label')}>
        <span className="teacher-who">{staff.displayName}</span>
        {teacherScreens
          .filter((s) => s.inMenu)
          .map((s) => (
            <button
              key={s.id}
              type="button"
              aria-current={s.id === current.id ? 'page' : undefined}
              onClick={() => navigate('teacher', s.id)}
            >
              {t(`teacher.menu.${s.label}`)}
            </button>
          ))}
        <LockButton />
      </nav>
      <div className="teacher-screen">
        <Component staff={staff} params={params} />
      </div>
    </div>
  );
}
