import { useEffect, useRef, useState, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { canvasPoint, canvasToPng } from './mediaBytes';

export interface SignaturePadProps {
  /** The accessible name of the drawing area, e.g. "Handtekening ouder". */
  label: string;
  /** The drawing as PNG after every stroke; null when cleared. */
  onChange(png: Blob | null): void;
}

// The canvas's own pixels; CSS scales it to the column's width with the same aspect ratio.
const WIDTH = 900;
const HEIGHT = 260;

/**
 * A signature drawn with a finger, pen or mouse on the touch screen. Black ink on white, so the
 * PNG prints as it looks. The core keeps it with the release, and the receipt shows the kept copy.
 */
export function SignaturePad({ label, onChange }: SignaturePadProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<number | null>(null);
  const [signed, setSigned] = useState(false);

  const context = () => canvasRef.current?.getContext('2d') ?? null;
  const blank = () => {
    const ctx = context();
    if (!ctx) return;
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, WIDTH, HEIGHT);
  };
  useEffect(blank, []);

  const pointOf = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return canvasPoint({ x: e.clientX, y: e.clientY }, box, { width: WIDTH, height: HEIGHT });
  };

  const start = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = context();
    if (!ctx || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    drawing.current = e.pointerId;
    const p = pointOf(e);
    ctx.strokeStyle = '#000000';
    ctx.fillStyle = '#000000';
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    // A dot, so a tap leaves a mark too.
    ctx.beginPath();
    ctx.arc(p.x, p.y, 2, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.moveTo(p.x, p.y);
  };
  const move = (e: PointerEvent<HTMLCanvasElement>) => {
    const ctx = context();
    if (!ctx || drawing.current !== e.pointerId) return;
    const box = e.currentTarget.getBoundingClientRect();
    // Coalesced events: a fast stroke stays a smooth line rather than a few long segments.
    for (const ev of e.nativeEvent.getCoalescedEvents?.() ?? [e.nativeEvent]) {
      const p = canvasPoint({ x: ev.clientX, y: ev.clientY }, box, { width: WIDTH, height: HEIGHT });
      ctx.lineTo(p.x, p.y);
    }
    ctx.stroke();
  };
  const end = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current !== e.pointerId) return;
    drawing.current = null;
    setSigned(true);
    const canvas = canvasRef.current;
    if (canvas) canvasToPng(canvas).then(onChange, () => onChange(null));
  };
  const clear = () => {
    blank();
    setSigned(false);
    onChange(null);
  };

  return (
    <div className="signature">
      <canvas
        ref={canvasRef}
        className="signature-canvas"
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={label}
        data-testid="signature-pad"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <div className="signature-bar">
        <span className="wf-muted" role="status" aria-live="polite">
          {signed ? t('workflows.signature.signed') : t('workflows.signature.hint')}
        </span>
        <button type="button" onClick={clear} disabled={!signed}>
          {t('workflows.signature.clear')}
        </button>
      </div>
    </div>
  );
}
