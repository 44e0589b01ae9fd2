import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExemptionChoices, ExemptionItem } from '../../../../shared/contract';
import { call } from '../../../bridge';
import { ExemptionForm } from './ExemptionForm';
import { ExemptionTable } from './ExemptionTable';
import './exemptions.css';
import { PageMessage } from '../../../components/PageMessage';
import { useOfficeAction } from '../../../components/useOfficeAction';


/**
 * "Vrijstellingen": who may keep which device, from when until when, agreed with whom. The list
 * shows what applies now and what is planned first, the past below; an exemption can be ended
 * early. The door learns only that a pupil may keep the device, never why.
 */
export function ExemptionsScreen() {
  const { t } = useTranslation();
  const [items, setItems] = useState<ExemptionItem[]>([]);
  const [today, setToday] = useState('');
  const [choices, setChoices] = useState<ExemptionChoices | null>(null);

  const reload = useCallback(
    () =>
      call('listExemptions', {}).then((result) => {
        setItems(result.exemptions);
        setToday(result.today);
      }),
    [],
  );
  useEffect(() => {
    void reload();
    void call('exemptionChoices', {}).then(setChoices);
  }, [reload]);

  const { busy, message, act } = useOfficeAction(reload);
  const current = items.filter((e) => e.status === 'active' || e.status === 'upcoming');
  const past = items.filter((e) => e.status === 'expired' || e.status === 'ended');
  const end = (e: ExemptionItem) =>
    act(async () => {
      await call('endExemption', { exemptionId: e.exemptionId });
      return t('exemptions.endedDone', { name: e.pupilName });
    });

  return (
    <section className="office-page exemptions-page" aria-labelledby="exemptions-title">
      <header>
        <h1 id="exemptions-title">{t('exemptions.title')}</h1>
        <p className="muted">{t('exemptions.intro')}</p>
      </header>
      <PageMessage message={message} icon={false} />
      <div className="exemptions-layout">
        {choices && today && (
          <ExemptionForm
            choices={choices}
            today={today}
            busy={busy}
            onSubmit={(input, name) =>
              act(async () => {
                await call('addExemption', input);
                return t('exemptions.saved', { name });
              })
            }
          />
        )}
        <div className="exemptions-lists">
          <h2>{t('exemptions.current')}</h2>
          <ExemptionTable items={current} empty={t('exemptions.noneCurrent')} busy={busy} onEnd={end} testId="exemptions-current" />
          <h2>{t('exemptions.past')}</h2>
          <ExemptionTable items={past} empty={t('exemptions.nonePast')} busy={busy} testId="exemptions-past" />
        </div>
      </div>
    </section>
  );
}
