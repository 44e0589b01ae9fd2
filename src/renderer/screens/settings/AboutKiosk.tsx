import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Health } from '../../../shared/contract/kiosk';
import { call } from '../../bridge';
import { navigate } from '../../state/router';
import { clockDateTime } from './dateTime';

/**
 * Where the rest is set: staff live in the office area (one tap from here), and the line an IT
 * partner asks for first on the phone — which version, and whether the backups run.
 */
export function AboutKiosk() {
  const { t, i18n } = useTranslation();
  const [version, setVersion] = useState<string | null>(null);
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    void call('getKioskInfo', {}).then((info) => setVersion(info.appVersion));
    void call('getHealth', {}).then(setHealth);
  }, []);
  const backup = health?.alerts.backupFailed
    ? t('settings.about.backupFailed', { at: clockDateTime(health.alerts.backupFailed.at, i18n.language) })
    : health?.backup
      ? t('settings.about.backupOk', { at: clockDateTime(health.backup.takenAt, i18n.language) })
      : t('settings.about.backupNone');
  return (
    <section className="settings-section" aria-labelledby="about-title">
      <h2 id="about-title">{t('settings.about.title')}</h2>
      <p>
        <button type="button" onClick={() => navigate('office', 'staff')}>
          {t('settings.about.staff')}
        </button>
      </p>
      <p data-testid="settings-version">
        {t('settings.about.version', { version: version ?? '…' })} · {health ? backup : '…'}
      </p>
    </section>
  );
}
