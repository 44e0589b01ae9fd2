import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import type { Bag, BagPouch } from '../../../../shared/contract';
import { call } from '../../../bridge';

interface PouchDetailProps {
  bag: Bag;
  pouch: BagPouch;
  busy: boolean;
  onClose: () => void;
  act: (work: () => Promise<{ bag: Bag; text: string }>) => void;
}

/** One pouch: move its pupil to a free pouch, give a free pouch to a pupil without one, free or retire it. */
export function PouchDetail({ bag, pouch, busy, onClose, act }: PouchDetailProps) {
  const { t } = useTranslation();
  const free = bag.pouches.filter((p) => p.active && !p.pupil && p.pouchId !== pouch.pouchId);
  const [to, setTo] = useState('');
  const [pupilId, setPupilId] = useState('');
  const target = Number(to || free[0]?.number);
  const chosenPupil = pupilId || bag.unassigned[0]?.pupilId || '';
  return (
    <div className="pouch-detail" role="region" aria-label={t('pouches.selected', { number: pouch.number })}>
      <h3>
        {t('pouches.selected', { number: pouch.number })}
        {pouch.pupil && <span className="pouch-detail-who"> · {pouch.pupil.name}</span>}
      </h3>
      {pouch.pupil ? (
        free.length === 0 ? (
          <p className="muted">{t('pouches.noFree')}</p>
        ) : (
          <div className="choice-row">
            <Field label={t('pouches.moveTo')}>
              {(id) => (
                <select id={id} value={to || String(free[0]!.number)} onChange={(e) => setTo(e.target.value)}>
                  {free.map((p) => (
                    <option key={p.pouchId} value={p.number}>
                      {p.number}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => {
                const pupil = pouch.pupil!;
                act(async () => ({
                  bag: await call('movePupilToPouch', { locationId: bag.locationId, pupilId: pupil.pupilId, number: target }),
                  text: t('pouches.moved', { name: pupil.name, number: target }),
                }));
              }}
            >
              {t('pouches.move')}
            </button>
          </div>
        )
      ) : (
        bag.unassigned.length > 0 && (
          <div className="choice-row">
            <Field label={t('pouches.giveTo')}>
              {(id) => (
                <select id={id} value={chosenPupil} onChange={(e) => setPupilId(e.target.value)}>
                  {bag.unassigned.map((p) => (
                    <option key={p.pupilId} value={p.pupilId}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <button
              type="button"
              className="primary"
              disabled={busy || !chosenPupil}
              onClick={() => {
                const name = bag.unassigned.find((p) => p.pupilId === chosenPupil)?.name ?? '';
                act(async () => ({
                  bag: await call('movePupilToPouch', { locationId: bag.locationId, pupilId: chosenPupil, number: pouch.number }),
                  text: t('pouches.moved', { name, number: pouch.number }),
                }));
              }}
            >
              {t('pouches.give')}
            </button>
          </div>
        )
      )}
      <div className="choice-row">
        {pouch.pupil && (
          <button
            type="button"
            disabled={busy}
            onClick={() =>
              act(async () => ({ bag: await call('freePouch', { pouchId: pouch.pouchId }), text: t('pouches.freed', { number: pouch.number }) }))
            }
          >
            {t('pouches.freeIt')}
          </button>
        )}
        <button
          type="button"
          className="danger"
          disabled={busy}
          onClick={() => {
            onClose();
            act(async () => ({
              bag: await call('retirePouch', { pouchId: pouch.pouchId }),
              text: t('pouches.retiredDone', { number: pouch.number }),
            }));
          }}
        >
          {t('pouches.retire')}
        </button>
        <button type="button" onClick={onClose}>
          {t('pouches.close')}
        </button>
      </div>
    </div>
  );
}
