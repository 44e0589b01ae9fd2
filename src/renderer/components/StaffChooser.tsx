import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffName } from '../../shared/contract';
import { call } from '../bridge';

interface StaffChooserProps {
  chosen: string | null;
  onChoose(staff: StaffName): void;
}

/**
 * "Who are you?" before a PIN pad: wrong PINs count against the account chosen here, so a pupil
 * guessing at one teacher's name locks only that name, and nobody's login resets anyone else's
 * count. Names only; roles stay out of sight at the door.
 */
export function StaffChooser({ chosen, onChoose }: StaffChooserProps) {
  const { t } = useTranslation();
  const [names, setNames] = useState<StaffName[] | null>(null);
  useEffect(() => {
    call('listStaffNames', {}).then(
      (result) => setNames(result.staff),
      () => setNames([]),
    );
  }, []);
  return (
    <div className="staff-chooser" role="group" aria-label={t('staff.chooser.label')} data-staff-chooser="">
      <div className="staff-chooser-title">{t('staff.chooser.label')}</div>
      <div className="staff-chooser-names">
        {(names ?? []).map((name) => (
          <button key={name.staffId} type="button" aria-pressed={chosen === name.staffId} onClick={() => onChoose(name)}>
            {name.displayName}
          </button>
        ))}
      </div>
    </div>
  );
}
