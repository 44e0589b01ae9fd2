import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MissingToday as Missing } from '../../../shared/contract';
import { pupilName } from './teacherFormat';

/** The list stays short: a nudge at the door, with the rest one tap away. */
const SHOWN = 6;

/** Pupils who usually hand in and have not today (the rule comes from the core, with its numbers). */
export function MissingToday({ missing }: { missing: Missing }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { rule, pupils } = missing;
  const shown = all ? pupils : pupils.slice(0, SHOWN);
  return (
    <section aria-labelledby="missing-title" className="missing-today" data-testid="missing-today">
      <h2 id="missing-title">{t('teacher.dashboard.missing.title')}</h2>
      {!rule.enoughHistory ? (
        <p className="muted">{t('teacher.dashboard.missing.tooLittle')}</p>
      ) : pupils.length === 0 ? (
        <p className="muted">{t('teacher.dashboard.missing.none')}</p>
      ) : (
        <>
          <ul className="missing-list">
            {shown.map((p) => (
              <li key={p.pupilId}>
                {pupilName(p, t)} <span className="sub-inline">· {p.groep}</span>
              </li>
            ))}
          </ul>
          {pupils.length > SHOWN && (
            <button type="button" className="small" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? t('teacher.dashboard.missing.less') : t('teacher.dashboard.missing.more', { count: pupils.length - SHOWN })}
            </button>
          )}
          <p className="sub">{t('teacher.dashboard.missing.rule', { minDays: rule.minDays, schoolDays: rule.schoolDays })}</p>
        </>
      )}
    </section>
  );
}
