import { useTranslation } from 'react-i18next';
import { navigate } from '../../state/router';
import { useSession } from '../../state/SessionContext';
import { homeArea, mayEnter } from '../../state/staffAreas';
import { LockButton } from './LockButton';
import { teacherScreens } from './registry';
import { UnlockScreen } from './UnlockScreen';

/**
 * "Leerkracht" is the staff entrance: a teacher's PIN opens the teacher menu, the office's PIN
 * the office area. While someone who may not use the teacher menu is unlocked, it shows the pad,
 * so the next teacher at the kiosk can unlock as themselves.
 */
export function TeacherArea({ screen, params }: { screen: string | null; params: URLSearchParams }) {
  const { t } = useTranslation();
  const { session } = useSession();
  const staff = session.unlocked;
  if (!staff || !mayEnter('teacher', staff.role)) {
    return (
      <UnlockScreen
        area="teacher"
        onUnlocked={(who) => {
          if (!mayEnter('teacher', who.role)) navigate(homeArea(who.role));
        }}
      />
    );
  }
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
