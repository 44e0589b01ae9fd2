import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import { GroupSelect } from '../../../components/GroupSelect';
import { SubmitForm } from '../../../components/SubmitForm';

/** A bag for a group that has pupils but no bag yet; 30 pouches unless the office says otherwise. */
export function NewBagForm({ groups, busy, onCreate }: { groups: string[]; busy: boolean; onCreate: (groep: string, count: number) => void }) {
  const { t } = useTranslation();
  const [chosen, setGroep] = useState('');
  const [count, setCount] = useState('30');
  // A group that just got its bag drops out of the list: fall back to the first one left.
  const groep = groups.includes(chosen) ? chosen : (groups[0] ?? '');
  if (groups.length === 0) return <p className="muted">{t('pouches.noGroups')}</p>;
  const n = Number(count);
  const valid = groep !== '' && Number.isInteger(n) && n >= 1 && n <= 60;
  const submit = () => {
    if (valid) onCreate(groep, n);
  };
  return (
    <SubmitForm className="card pouches-new" onSubmit={submit} aria-labelledby="new-bag-title">
      <h2 id="new-bag-title">{t('pouches.newBag')}</h2>
      <Field label={t('pouches.groep')}>
        {(id) => (
          <GroupSelect id={id} groups={groups} value={groep} onChange={setGroep} />
        )}
      </Field>
      <Field label={t('pouches.pouchCount')}>
        {(id) => (
          <input id={id} type="number" min={1} max={60} value={count} onChange={(e) => setCount(e.target.value)} />
        )}
      </Field>
      <button type="submit" className="primary" disabled={busy || !valid}>
        {t('pouches.create')}
      </button>
    </SubmitForm>
  );
}
