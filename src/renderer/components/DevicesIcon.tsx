/** A phone and a watch, drawn inline: kiosk PCs cannot be trusted to have an emoji font. */
export function DevicesIcon({ size = 140 }: { size?: number }) {
  return (
    <svg width={size * 1.6} height={size} viewBox="0 0 160 100" aria-hidden="true" focusable="false">
      <rect x="22" y="6" width="52" height="88" rx="9" fill="#ffd23f" />
      <rect x="28" y="16" width="40" height="62" rx="3" fill="#13304d" />
      <circle cx="48" cy="86" r="3.5" fill="#13304d" />
      <rect x="104" y="10" width="22" height="80" rx="6" fill="#d6e2ef" />
      <rect x="94" y="30" width="42" height="42" rx="11" fill="#ffd23f" />
      <rect x="100" y="36" width="30" height="30" rx="7" fill="#13304d" />
      <path d="M115 43 v9 l6 4" stroke="#ffd23f" strokeWidth="3.5" fill="none" strokeLinecap="round" />
    </svg>
  );
}
