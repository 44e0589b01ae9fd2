import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChooseAndPin } from '../../components/ChooseAndPin';
import { useSession } from '../../state/SessionContext';
import type { StaffArea } from '../../state/staffAreas';
import type { StaffSummary } from '../../../shared/contract';
import { call } from '../../bridge';
import { FirstAdminScreen } from '../setup/FirstAdminScreen';

interface UnlockProps {
  /** The area the pad opens, for its title. */
  area: StaffArea;
  /** Told who unlocked, e.g. to take them to their own area. */
  onUnlocked?(staff: StaffSummary): void;
}

/**
 * The staff screens open with one's name and personal PIN; the lock-out and its back-off are
 * the core's, per account. A wrong PIN says so in the screen's language.
 */
export function UnlockScreen(props: UnlockProps) {
  const [needsFirstAdmin, setNeedsFirstAdmin] = useState<boolean | null>(null);
  useEffect(() => {
    call('getSetupState', {}).then(
      (s) => setNeedsFirstAdmin(s.needsFirstAdmin),
      () => setNeedsFirstAdmin(false),
    );
  }, []);
  if (needsFirstAdmin === null) return null;
  return needsFirstAdmin ? <FirstAdminScreen /> : <PinUnlock {...props} />;
}

const titles = {
  teacher: 'teacher.unlock.title',
  office: 'office.unlockTitle',
  settings: 'settings.unlockTitle',
} as const satisfies Record<StaffArea, string>;

function PinUnlock({ area, onUnlocked }: UnlockProps) {
  const { t } = useTranslation();
  const { unlock } = useSession();
  return (
    <section className="unlock" aria-labelledby="unlock-title">
      <h1 id="unlock-title">{t(titles[area])}</h1>
      <ChooseAndPin
        padLabel={t('teacher.unlock.pin')}
        onSubmit={async (staffId, pin) => {
          const staff = await unlock(staffId, pin);
          onUnlocked?.(staff);
        }}
      />
    </section>
  );
}
