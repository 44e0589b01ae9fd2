import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import './actionMenu.css';

export interface MenuAction {
  key: string;
  label: string;
  onSelect(): void;
}

/**
 * One button that opens a short menu of actions (the WAI-ARIA menu button pattern): the arrow keys
 * move through the items, Escape closes and gives the focus back, a tap outside closes. The menu
 * opens beside the button, never on top of it, so the finger that opened it is not on an item.
 */
export function ActionMenu({ label, title, actions }: { label: string; title: string; actions: MenuAction[] }) {
  const [open, setOpen] = useState(false);
  const [at, setAt] = useState<{ top: number; left: number } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const menuId = useId();

  const items = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const close = (refocus: boolean) => {
    setOpen(false);
    setAt(null);
    if (refocus) button.current?.focus();
  };

  // Fixed to the viewport, so a scrolling list does not clip it; below the button, or above it
  // when there is no room below.
  useLayoutEffect(() => {
    if (!open || !button.current || !menu.current) return;
    const b = button.current.getBoundingClientRect();
    const m = menu.current.getBoundingClientRect();
    const below = b.bottom + 4;
    const top = below + m.height <= window.innerHeight ? below : Math.max(4, b.top - 4 - m.height);
    setAt({ top, left: Math.max(4, Math.min(b.right - m.width, window.innerWidth - m.width - 4)) });
  }, [open]);
  // Once placed (and visible), the first item takes the focus.
  useEffect(() => {
    if (open && at) items()[0]?.focus();
  }, [open, at]);

  useEffect(() => {
    if (!open) return undefined;
    const outside = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) close(false);
    };
    const away = () => close(false);
    document.addEventListener('pointerdown', outside);
    window.addEventListener('resize', away);
    return () => {
      document.removeEventListener('pointerdown', outside);
      window.removeEventListener('resize', away);
    };
  }, [open]);

  const onMenuKey = (e: KeyboardEvent) => {
    const list = items();
    const i = list.indexOf(document.activeElement as HTMLButtonElement);
    const move = (to: number) => {
      e.preventDefault();
      list[(to + list.length) % list.length]?.focus();
    };
    if (e.key === 'ArrowDown') move(i + 1);
    else if (e.key === 'ArrowUp') move(i - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(list.length - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    } else if (e.key === 'Tab') close(false);
  };

  return (
    <>
      <button
        ref={button}
        type="button"
        className="action-menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={title}
        onClick={() => (open ? close(false) : setOpen(true))}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <ul
          ref={menu}
          id={menuId}
          role="menu"
          aria-label={title}
          className="action-menu"
          style={at ? { top: at.top, left: at.left } : { visibility: 'hidden', top: 0, left: 0 }}
          onKeyDown={onMenuKey}
        >
          {actions.map((a) => (
            <li key={a.key} role="none">
              <button
                type="button"
                role="menuitem"
                tabIndex={-1}
                onClick={() => {
                  close(false);
                  a.onSelect();
                }}
              >
                {a.label}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
