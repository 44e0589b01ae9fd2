import type { LabelLayoutSummary } from '../../../shared/contract/labels';

/** Where each label sits on the page, in per cent of the page, for the pictures below. */
function cells(layout: LabelLayoutSummary) {
  return Array.from({ length: layout.perPage }, (_, i) => {
    const column = i % layout.columns;
    const row = Math.floor(i / layout.columns);
    return {
      n: i + 1,
      left: ((layout.leftMm + column * layout.pitchXMm) / layout.pageWidthMm) * 100,
      top: ((layout.topMm + row * layout.pitchYMm) / layout.pageHeightMm) * 100,
      width: (layout.labelWidthMm / layout.pageWidthMm) * 100,
      height: (layout.labelHeightMm / layout.pageHeightMm) * 100,
    };
  });
}

/** A small drawing of a sheet: the page and its labels to scale. */
export function SheetThumbnail({ layout }: { layout: LabelLayoutSummary }) {
  return (
    <svg className="sheet-thumb" viewBox="0 0 100 100" preserveAspectRatio="none" aria-hidden="true"
      style={{
        aspectRatio: `${layout.pageWidthMm} / ${layout.pageHeightMm}`,
        // A label printer's page lies on its side: as wide as an A4 thumbnail is high would be huge.
        ...(layout.pageWidthMm > layout.pageHeightMm ? { width: '4.2rem', height: 'auto' } : {}),
      }}>
      <rect x="0" y="0" width="100" height="100" className="sheet-thumb-page" />
      {cells(layout).map((c) => (
        <rect key={c.n} x={c.left} y={c.top} width={c.width} height={c.height} className="sheet-thumb-label" />
      ))}
    </svg>
  );
}

/**
 * The sheet to scale with every label a button: tap the first free one of a partly used sheet.
 * The labels before it show as used.
 */
export function StartPicker({
  layout,
  start,
  label,
  onChoose,
}: {
  layout: LabelLayoutSummary;
  start: number;
  label: (n: number) => string;
  onChoose: (n: number) => void;
}) {
  return (
    <div className="start-sheet" role="group" style={{ aspectRatio: `${layout.pageWidthMm} / ${layout.pageHeightMm}` }}>
      {cells(layout).map((c) => (
        <button
          key={c.n}
          type="button"
          className={c.n < start ? 'start-cell used' : 'start-cell'}
          aria-pressed={c.n === start}
          aria-label={label(c.n)}
          style={{ left: `${c.left}%`, top: `${c.top}%`, width: `${c.width}%`, height: `${c.height}%` }}
          onClick={() => onChoose(c.n)}
        >
          {layout.perPage <= 24 ? c.n : null}
        </button>
      ))}
    </div>
  );
}
