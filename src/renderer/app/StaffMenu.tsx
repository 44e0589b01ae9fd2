import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate, type Area } from '../state/router';

const staffAreas: Area[] = ['teacher', 'office', 'settings'];
/** An open menu nobody uses closes by itself: the next pupil sees the plain door again. */
const CLOSE_AFTER_MS = 15_000;

/**
 * The door's one way into the staff areas: a small, quiet button in the corner that does not
 * invite a child, opening the three areas (each still asks for a PIN).
 */
export function StaffMenu() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = () => setOpen(false);
    const timer = setTimeout(close, CLOSE_AFTER_MS);
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) close();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="staff-menu" ref={root}>
      <button
        type="button"
        className="staff-menu-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((was) => !was)}
      >
        <LockIcon />
        {t('nav.staff')}
      </button>
      <ul id={listId} className="staff-menu-list" hidden={!open}>
        {staffAreas.map((area) => (
          <li key={area}>
            <button type="button" onClick={() => navigate(area)}>
              {t(`nav.${area}`)}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function LockIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 2a5 5 0 0 0-5 5v3H6a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-1V7a5 5 0 0 0-5-5Zm-3 8V7a3 3 0 0 1 6 0v3H9Z"
      />
    </svg>
  );
}
