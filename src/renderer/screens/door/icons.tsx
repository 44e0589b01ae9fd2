import type { DeviceKind } from './types';

/**
 * The door's pictograms, drawn inline: kiosk PCs cannot be trusted to have an emoji font, and
 * the CSP allows no external images. Decorative: the text next to each says the same.
 */
interface IconProps {
  size?: number;
}

const svg = (size: number) => ({
  width: size,
  height: size,
  'aria-hidden': true as const,
  focusable: 'false' as const,
});

/** Done: a thick tick in a circle. */
export function TickIcon({ size = 120 }: IconProps) {
  return (
    <svg {...svg(size)} viewBox="0 0 100 100">
      <circle cx="50" cy="50" r="46" fill="#ffffff" />
      <path d="M27 52 l15 15 l32 -34" stroke="#0d6b3a" strokeWidth="11" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** An exemption: a heart — the pupil keeps the device, with the school's blessing. */
export function KeepIcon({ size = 120 }: IconProps) {
  return (
    <svg {...svg(size)} viewBox="0 0 100 100">
      <circle cx="50" cy="50" r="46" fill="#ffffff" />
      <path d="M50 76 C22 58 22 34 38 30 C45 28 50 34 50 38 C50 34 55 28 62 30 C78 34 78 58 50 76 Z" fill="#6b3fa0" />
    </svg>
  );
}

/** Already done: two ticks (it was there already, nothing new happened). */
export function RepeatIcon({ size = 120 }: IconProps) {
  return (
    <svg {...svg(size)} viewBox="0 0 100 100">
      <circle cx="50" cy="50" r="46" fill="#ffffff" />
      <path d="M18 52 l13 13 l26 -28" stroke="#0d6b3a" strokeWidth="9" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      <path d="M45 62 l4 4 l30 -32" stroke="#0d6b3a" strokeWidth="9" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** Refused: a cross in a circle. */
export function CrossIcon({ size = 120 }: IconProps) {
  return (
    <svg {...svg(size)} viewBox="0 0 100 100">
      <circle cx="50" cy="50" r="46" fill="#ffffff" />
      <path d="M32 32 L68 68 M68 32 L32 68" stroke="#9b1c16" strokeWidth="11" strokeLinecap="round" />
    </svg>
  );
}

/** Needs a look: an exclamation mark in a triangle. */
export function WarnIcon({ size = 120 }: IconProps) {
  return (
    <svg {...svg(size)} viewBox="0 0 100 100">
      <path d="M50 6 L96 90 H4 Z" fill="#10151c" strokeLinejoin="round" />
      <path d="M50 34 V60" stroke="#ffb020" strokeWidth="10" strokeLinecap="round" />
      <circle cx="50" cy="75" r="6" fill="#ffb020" />
    </svg>
  );
}

/** Given back: an arrow out of a box, towards the pupil. */
export function ReturnIcon({ size = 120 }: IconProps) {
  return (
    <svg {...svg(size)} viewBox="0 0 100 100">
      <circle cx="50" cy="50" r="46" fill="#ffffff" />
      <path d="M30 50 H72 M54 32 L72 50 L54 68" stroke="#1a4d8f" strokeWidth="10" fill="none" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function DeviceIcon({ kind, size = 64 }: { kind: DeviceKind; size?: number }) {
  if (kind === 'smartwatch') {
    return (
      <svg {...svg(size)} viewBox="0 0 64 64">
        <rect x="23" y="2" width="18" height="60" rx="5" fill="currentColor" opacity="0.55" />
        <rect x="14" y="16" width="36" height="32" rx="9" fill="currentColor" />
        <rect x="19" y="21" width="26" height="22" rx="5" fill="#13304d" />
        <path d="M32 26 v7 l5 3" stroke="currentColor" strokeWidth="3" fill="none" strokeLinecap="round" />
      </svg>
    );
  }
  if (kind === 'tablet') {
    return (
      <svg {...svg(size)} viewBox="0 0 64 64">
        <rect x="6" y="8" width="52" height="48" rx="6" fill="currentColor" />
        <rect x="11" y="13" width="42" height="36" rx="2" fill="#13304d" />
      </svg>
    );
  }
  return (
    <svg {...svg(size)} viewBox="0 0 64 64">
      <rect x="17" y="2" width="30" height="60" rx="6" fill="currentColor" />
      <rect x="21" y="9" width="22" height="42" rx="2" fill="#13304d" />
      <circle cx="32" cy="56" r="2.5" fill="#13304d" />
      {kind === 'other' && <text x="32" y="37" textAnchor="middle" fontSize="20" fontWeight="700" fill="currentColor">?</text>}
    </svg>
  );
}
