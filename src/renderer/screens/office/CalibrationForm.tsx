import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { noCalibration, type LabelCalibration, type LabelLayoutSummary } from '../../../shared/contract/labels';

const fields = [
  ['offsetX', 5],
  ['offsetY', 5],
  ['pitchX', 2],
  ['pitchY', 2],
] as const satisfies readonly (readonly [keyof LabelCalibration, number])[];

/** The printer's correction for one layout, in mm, and the page to measure it with. */
export function CalibrationForm({
  layout,
  busy,
  onSave,
  onCalibrationPage,
}: {
  layout: LabelLayoutSummary;
  busy: boolean;
  onSave: (calibration: LabelCalibration) => void;
  onCalibrationPage: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => toText(layout.calibration));
  const parsed = fromText(draft);
  return (
    <fieldset className="stickers-block calibration">
      <legend>{t('office.stickers.calibration', { layout: layout.id })}</legend>
      <p className="stickers-hint">{t('office.stickers.calibrationHint')}</p>
      <div className="calibration-fields">
        {fields.map(([key, limit]) => (
          <label key={key} className="field">
            <span>{t(`office.stickers.${key}`)}</span>
            {/* Text, not number: Chromium's number field refuses the Dutch decimal comma ("1,5"). */}
            <input
              type="text"
              inputMode="decimal"
              aria-invalid={!valid(draft[key], limit)}
              value={draft[key]}
              onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <div className="choice-row">
        <button type="button" disabled={busy || !parsed} onClick={() => parsed && onSave(parsed)}>
          {t('office.stickers.saveCalibration')}
        </button>
        <button type="button" disabled={busy} onClick={onCalibrationPage}>
          {t('office.stickers.calibrationPage')}
        </button>
      </div>
    </fieldset>
  );
}

type Draft = Record<keyof LabelCalibration, string>;

const toText = (c: LabelCalibration): Draft => ({
  offsetX: String(c.offsetX),
  offsetY: String(c.offsetY),
  pitchX: String(c.pitchX),
  pitchY: String(c.pitchY),
});

const millimetres = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim().replace(',', '.')));
const valid = (text: string, limit: number): boolean => Math.abs(millimetres(text)) <= limit;

function fromText(d: Draft): LabelCalibration | null {
  const out = { ...noCalibration };
  for (const [key, limit] of fields) {
    if (!valid(d[key], limit)) return null;
    out[key] = millimetres(d[key]);
  }
  return out;
}
