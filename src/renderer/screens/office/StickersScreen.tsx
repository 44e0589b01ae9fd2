import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelCalibration, LabelLayoutId, LabelLayoutSummary, LabelSource } from '../../../shared/contract/labels';
import { MAX_NEW_CODES } from '../../../shared/contract/labels';
import type { MethodResult } from '../../../shared/contract';
import { call } from '../../bridge';
import { errorText } from '../../errors';
import { ToggleGroup, type ToggleOption } from '../../components/ToggleGroup';
import { CalibrationForm } from './CalibrationForm';
import { downloadPdf } from './downloadPdf';
import { SheetThumbnail, StartPicker } from './SheetPicture';
import './stickers.css';
import { GroupSelect } from '../../components/GroupSelect';

type SourceKind = LabelSource['kind'];
type Status = { ok: boolean; text: string } | null;

/** The office prints sticker sheets: what, on which stock, from which label, and how the printer is off. */
export function StickersScreen() {
  const { t, i18n } = useTranslation();
  const [layouts, setLayouts] = useState<LabelLayoutSummary[]>([]);
  const [groups, setGroups] = useState<string[]>([]);
  const [kind, setKind] = useState<SourceKind>('group');
  const [groep, setGroep] = useState('');
  const [count, setCount] = useState('24');
  const [layoutId, setLayoutId] = useState<LabelLayoutId>('L7160');
  const [start, setStart] = useState(1);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);

  const apply = useCallback((result: MethodResult<'labelLayouts'>) => {
    setLayouts(result.layouts);
    setGroups(result.groups);
    setGroep((g) => g || result.groups[0] || '');
  }, []);
  const load = useCallback(async () => apply(await call('labelLayouts', {})), [apply]);
  useEffect(() => {
    call('labelLayouts', {}).then(apply, (error: unknown) => setStatus({ ok: false, text: errorText(error, i18n.language) }));
  }, [apply, i18n.language]);

  const layout = layouts.find((l) => l.id === layoutId);
  const countNumber = Number(count);
  const countValid = Number.isInteger(countNumber) && countNumber >= 1 && countNumber <= MAX_NEW_CODES;
  const ready = layout && (kind === 'newCodes' ? countValid : groep !== '');

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setStatus(null);
    try {
      setStatus({ ok: true, text: await work() });
    } catch (error) {
      setStatus({ ok: false, text: errorText(error, i18n.language) });
    } finally {
      setBusy(false);
    }
  };

  const makeSheet = () =>
    run(async () => {
      const source: LabelSource = kind === 'newCodes' ? { kind, count: countNumber } : { kind, groep };
      const sheet = await call('makeLabelSheet', { layout: layoutId, source, start });
      downloadPdf(sheet.fileName, sheet.base64);
      return t('office.stickers.made', { labels: sheet.labelCount, pages: sheet.pageCount, file: sheet.fileName });
    });

  const saveCalibration = (calibration: LabelCalibration) =>
    run(async () => {
      await call('setLabelCalibration', { layout: layoutId, calibration });
      await load();
      return t('office.stickers.calibrationSaved', { layout: layoutId });
    });

  const calibrationPage = () =>
    run(async () => {
      const page = await call('makeCalibrationPage', { layout: layoutId });
      downloadPdf(page.fileName, page.base64);
      return page.fileName;
    });

  const sources: ToggleOption<SourceKind>[] = [
    { value: 'group', label: t('office.stickers.sourceGroup') },
    { value: 'pouches', label: t('office.stickers.sourcePouches') },
    { value: 'newCodes', label: t('office.stickers.sourceNewCodes') },
  ];
  const sourceHint = { group: 'sourceGroupHint', pouches: 'sourcePouchesHint', newCodes: 'sourceNewCodesHint' } as const;

  return (
    <section className="stickers" aria-labelledby="stickers-title">
      <h2 id="stickers-title">{t('office.stickers.title')}</h2>
      <div className="stickers-columns">
        <div className="stickers-column">
          <div className="stickers-block">
            <ToggleGroup<SourceKind> label={t('office.stickers.what')} options={sources} selected={[kind]} onToggle={setKind} />
            <p className="stickers-hint">{t(`office.stickers.${sourceHint[kind]}`)}</p>
            {kind === 'newCodes' ? (
              <label className="field">
                <span>{t('office.stickers.count')}</span>
                <input type="number" min={1} max={MAX_NEW_CODES} value={count} onChange={(e) => setCount(e.target.value)} />
              </label>
            ) : groups.length === 0 ? (
              <p className="notice">{t('office.stickers.noGroups')}</p>
            ) : (
              <label className="field">
                <span>{t('office.stickers.group')}</span>
                <GroupSelect groups={groups} value={groep} onChange={setGroep} />
              </label>
            )}
          </div>

          <fieldset className="stickers-block">
            <legend>{t('office.stickers.layout')}</legend>
            <div className="layout-cards">
              {layouts.map((l) => (
                <button
                  key={l.id}
                  type="button"
                  className="layout-card"
                  aria-pressed={l.id === layoutId}
                  onClick={() => {
                    setLayoutId(l.id);
                    setStart(1);
                  }}
                >
                  <SheetThumbnail layout={l} />
                  <span className="layout-name">{l.id === 'single62' ? '62 mm' : l.id}</span>
                  <span>{l.perPage === 1 ? t('office.stickers.perPageOne') : t('office.stickers.perPage', { count: l.perPage })}</span>
                  <span>{t('office.stickers.size', { width: mmText(l.labelWidthMm, i18n.language), height: mmText(l.labelHeightMm, i18n.language) })}</span>
                  <span>{t(`office.stickers.${l.symbology}`)}</span>
                </button>
              ))}
            </div>
          </fieldset>
        </div>

        <div className="stickers-column">
          {layout && (
            <fieldset className="stickers-block">
              <legend>{t('office.stickers.start')}</legend>
              {layout.perPage === 1 ? (
                <p className="stickers-hint">{t('office.stickers.startSingle')}</p>
              ) : (
                <>
                  <p className="stickers-hint">{t('office.stickers.startHint')}</p>
                  <StartPicker layout={layout} start={start} label={(n) => t('office.stickers.startAt', { n })} onChoose={setStart} />
                  <p className="stickers-hint">{t('office.stickers.startChosen', { n: start, total: layout.perPage })}</p>
                </>
              )}
            </fieldset>
          )}
          <div className="stickers-block make">
            <button type="button" className="primary" disabled={busy || !ready} onClick={() => void makeSheet()}>
              {busy ? t('office.stickers.making') : t('office.stickers.make')}
            </button>
            <p className="stickers-hint">{t('office.stickers.printHint')}</p>
            {status && (
              <p className={status.ok ? 'stickers-status ok' : 'stickers-status error'} role={status.ok ? 'status' : 'alert'}>
                {status.text}
              </p>
            )}
          </div>
          {layout && (
            <CalibrationForm key={`${layout.id}:${JSON.stringify(layout.calibration)}`} layout={layout} busy={busy}
              onSave={(c) => void saveCalibration(c)} onCalibrationPage={() => void calibrationPage()} />
          )}
        </div>
      </div>
    </section>
  );
}

const mmText = (mm: number, language: string) => mm.toLocaleString(language === 'en' ? 'en-GB' : 'nl-NL');
