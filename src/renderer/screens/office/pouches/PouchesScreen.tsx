import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bag } from '../../../../shared/contract';
import { call } from '../../../bridge';
import { navigate } from '../../../state/router';
import { downloadPdf } from '../downloadPdf';
import { Field } from '../Field';
import { NewBagForm } from './NewBagForm';
import { PouchDetail } from './PouchDetail';
import { PouchGrid } from './PouchGrid';
import './pouches.css';
import { PageMessage } from '../../../components/PageMessage';
import { useOfficeAction } from '../../../components/useOfficeAction';


/**
 * "Telefoontas en vakken": per group a phone bag with numbered pouches. The office makes the bag,
 * lets the kiosk give the pupils pouches in class-list order (only those without one, unless it
 * asks for the whole group again), moves a pupil by hand, retires a torn pouch and prints the
 * pouch labels. Every change is a registry event in the ledger (the core's business).
 */
export function PouchesScreen() {
  const { t } = useTranslation();
  const [bags, setBags] = useState<Bag[]>([]);
  const [groupsWithoutBag, setGroupsWithoutBag] = useState<string[]>([]);
  const [groep, setGroep] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [confirmRenumber, setConfirmRenumber] = useState(false);
  const [addCount, setAddCount] = useState('5');

  const reload = useCallback(
    () =>
      call('listBags', {}).then((result) => {
        setBags(result.bags);
        setGroupsWithoutBag(result.groupsWithoutBag);
        setGroep((current) => current ?? result.bags[0]?.groep ?? null);
      }),
    [],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  const bag = bags.find((b) => b.groep === groep) ?? null;
  const { busy, message, act } = useOfficeAction(reload);
  const replaceBag = (next: Bag) => setBags((all) => all.map((b) => (b.locationId === next.locationId ? next : b)));

  const active = bag?.pouches.filter((p) => p.active) ?? [];
  const pouch = bag?.pouches.find((p) => p.pouchId === selected) ?? null;

  return (
    <section className="office-page pouches-page" aria-labelledby="pouches-title">
      <header>
        <h1 id="pouches-title">{t('pouches.title')}</h1>
        <p className="muted">{t('pouches.intro')}</p>
      </header>
      <PageMessage message={message} icon={false} />
      <div className="pouches-top">
        {bags.length > 0 && (
          <Field label={t('pouches.chooseBag')} className="pouches-choose">
            {(id) => (
              <select
                id={id}
                value={groep ?? ''}
                onChange={(e) => {
                  setGroep(e.target.value);
                  setSelected(null);
                  setConfirmRenumber(false);
                }}
              >
                {bags.map((b) => (
                  <option key={b.locationId} value={b.groep}>
                    {b.groep}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <NewBagForm
          groups={groupsWithoutBag}
          busy={busy}
          onCreate={(g, count) =>
            act(async () => {
              const made = await call('createBag', { groep: g, pouchCount: count });
              setGroep(made.groep);
              setSelected(null);
              return t('pouches.created', { groep: made.groep, count: made.pouches.length });
            })
          }
        />
      </div>
      {bag && (
        <div className="card pouches-bag">
          <h2>{bag.name}</h2>
          <p className="muted" data-testid="bag-summary">
            {t('pouches.summary', {
              assigned: active.filter((p) => p.pupil).length,
              active: active.length,
              unassigned: bag.unassigned.length,
            })}
          </p>
          <div className="choice-row">
            <button
              type="button"
              className="primary"
              disabled={busy || bag.unassigned.length === 0}
              onClick={() =>
                act(async () => {
                  replaceBag(await call('autoAssignPouches', { locationId: bag.locationId, renumber: false }));
                  return t('pouches.autoAssigned');
                })
              }
            >
              {t('pouches.autoAssign')}
            </button>
            <button type="button" disabled={busy} aria-expanded={confirmRenumber} onClick={() => setConfirmRenumber(true)}>
              {t('pouches.renumber')}
            </button>
            <Field label={t('pouches.addCount')} className="pouches-add">
              {(id) => <input id={id} type="number" min={1} max={60} value={addCount} onChange={(e) => setAddCount(e.target.value)} />}
            </Field>
            <button
              type="button"
              disabled={busy || !(Number(addCount) >= 1 && Number(addCount) <= 60)}
              onClick={() =>
                act(async () => {
                  const count = Number(addCount);
                  replaceBag(await call('addPouches', { locationId: bag.locationId, count }));
                  return t('pouches.added', { count });
                })
              }
            >
              {t('pouches.add')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                act(async () => {
                  const sheet = await call('makeLabelSheet', { layout: 'L7160', source: { kind: 'pouches', groep: bag.groep }, start: 1 });
                  downloadPdf(sheet.fileName, sheet.base64);
                  return t('pouches.printed', { count: sheet.labelCount });
                })
              }
            >
              {t('pouches.printLabels')}
            </button>
            <button type="button" className="link" onClick={() => navigate('office', 'stickers')}>
              {t('pouches.otherSheet')}
            </button>
          </div>
          {confirmRenumber && (
            <div className="confirm-box" role="alertdialog" aria-label={t('pouches.renumber')}>
              <p>{t('pouches.renumberConfirm', { groep: bag.groep })}</p>
              <div className="choice-row">
                <button
                  type="button"
                  className="primary"
                  disabled={busy}
                  onClick={() =>
                    act(async () => {
                      setConfirmRenumber(false);
                      replaceBag(await call('autoAssignPouches', { locationId: bag.locationId, renumber: true }));
                      return t('pouches.renumbered');
                    })
                  }
                >
                  {t('pouches.renumberYes')}
                </button>
                <button type="button" onClick={() => setConfirmRenumber(false)}>
                  {t('pouches.cancel')}
                </button>
              </div>
            </div>
          )}
          <div className="pouches-layout">
            <PouchGrid bag={bag} selected={selected} onSelect={setSelected} />
            <div className="pouches-side">
              {pouch && (
                <PouchDetail
                  bag={bag}
                  pouch={pouch}
                  busy={busy}
                  onClose={() => setSelected(null)}
                  act={(work) =>
                    act(async () => {
                      const { bag: next, text } = await work();
                      replaceBag(next);
                      return text;
                    })
                  }
                />
              )}
              <div className="pouches-unassigned">
                <h3>{t('pouches.unassignedTitle')}</h3>
                {bag.unassigned.length === 0 ? (
                  <p className="muted">{t('pouches.everyoneHasOne')}</p>
                ) : (
                  <ul data-testid="unassigned">
                    {bag.unassigned.map((p) => (
                      <li key={p.pupilId}>{p.name}</li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          </div>
        </div>
      )}
    </section>
  );
}
