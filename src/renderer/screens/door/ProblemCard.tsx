import { useTranslation } from 'react-i18next';
import type { ProblemEntry } from './board';
import { CrossIcon, WarnIcon } from './icons';

/** Something is wrong: an icon, "ask your teacher", and the reason in small print for the teacher. */
export function ProblemCard({ entry, big, onEnrol }: { entry: ProblemEntry; big: boolean; onEnrol?: (() => void) | undefined }) {
  const { t, i18n } = useTranslation();
  const reason = entry.message ? (i18n.language === 'en' ? entry.message.en : entry.message.nl) : t('door.problem.generic');
  const Icon = entry.tone === 'warn' ? WarnIcon : CrossIcon;
  return (
    <article
      className={`door-card door-problem is-${entry.tone} ${big ? 'is-big' : 'is-small'}`}
      data-testid={big ? 'door-problem' : 'door-earlier'}
      data-code={entry.code}
      role={big ? 'alert' : undefined}
    >
      <div className="door-card-icon">
        <Icon size={big ? 132 : 56} />
      </div>
      {big ? (
        <>
          {/* A misread needs only another scan; everything else needs the teacher. One instruction, never two. */}
          <p className="door-card-headline">{t(entry.code === 'MISREAD_CODE' ? 'door.problem.scanAgain' : 'door.problem.askTeacher')}</p>
          <div className="door-card-body">
            <p className="door-card-reason" data-testid="door-reason">
              {reason}
            </p>
            {onEnrol && (
              <button type="button" className="door-enrol-offer" onClick={onEnrol}>
                {t('devices.enrol.offer')}
              </button>
            )}
          </div>
        </>
      ) : (
        // In the list of earlier scans the reason says more than the same "ask your teacher" again.
        <p className="door-card-headline door-card-reason">{reason}</p>
      )}
    </article>
  );
}
