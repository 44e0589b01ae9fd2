import type { ConditionMark } from './types';

/** One pictogram per damage mark, big enough to recognise without reading. */
export function DamageIcon({ mark, size = 96 }: { mark: ConditionMark; size?: number }) {
  const common = { width: size, height: size, viewBox: '0 0 96 96', 'aria-hidden': true as const, focusable: 'false' as const };
  switch (mark) {
    case 'screen_cracked':
      return (
        <svg {...common}>
          <rect x="26" y="4" width="44" height="88" rx="8" fill="#d6e2ef" />
          <rect x="31" y="13" width="34" height="64" rx="2" fill="#13304d" />
          <path d="M36 20 L50 38 L42 48 L58 64 L54 74 M50 38 L62 30 M42 48 L33 56" stroke="#ffd23f" strokeWidth="3" fill="none" strokeLinejoin="round" />
        </svg>
      );
    case 'back_cracked':
      return (
        <svg {...common}>
          <rect x="26" y="4" width="44" height="88" rx="8" fill="#d6e2ef" />
          <rect x="33" y="11" width="16" height="22" rx="5" fill="#13304d" />
          <circle cx="41" cy="17" r="3.5" fill="#d6e2ef" />
          <circle cx="41" cy="27" r="3.5" fill="#d6e2ef" />
          <path d="M62 40 L50 54 L58 62 L40 84 M50 54 L36 50" stroke="#b3261e" strokeWidth="3.5" fill="none" strokeLinejoin="round" />
        </svg>
      );
    case 'case_damaged':
      return (
        <svg {...common}>
          <path d="M22 14 Q22 2 34 2 H62 Q74 2 74 14 V50 L66 56 L74 64 V82 Q74 94 62 94 H34 Q22 94 22 82 Z" fill="none" stroke="#ffd23f" strokeWidth="6" strokeLinejoin="round" />
          <rect x="31" y="11" width="34" height="74" rx="6" fill="#d6e2ef" />
          <path d="M80 46 L88 40 M80 60 L90 62" stroke="#ffd23f" strokeWidth="4" strokeLinecap="round" />
        </svg>
      );
    case 'water_damage':
      return (
        <svg {...common}>
          <path d="M48 6 C48 6 20 42 20 60 A28 28 0 0 0 76 60 C76 42 48 6 48 6 Z" fill="#4aa3ff" />
          <path d="M34 62 A14 14 0 0 0 48 76" stroke="#ffffff" strokeWidth="5" fill="none" strokeLinecap="round" />
        </svg>
      );
    case 'other':
      return (
        <svg {...common}>
          <circle cx="48" cy="48" r="42" fill="none" stroke="#d6e2ef" strokeWidth="6" />
          <path d="M36 36 Q36 22 48 22 Q60 22 60 34 Q60 42 50 47 Q48 48 48 56" stroke="#d6e2ef" strokeWidth="7" fill="none" strokeLinecap="round" />
          <circle cx="48" cy="70" r="5" fill="#d6e2ef" />
        </svg>
      );
  }
}
