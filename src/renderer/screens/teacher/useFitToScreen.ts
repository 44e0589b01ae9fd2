import { useLayoutEffect, useRef } from 'react';

/**
 * Lets a long list end at the bottom of the window and scroll inside, whatever sits above it
 * (a banner, a menu that wraps at 1024 px): the page stays one screen, and the list gets the rest.
 * `reserve` is what must stay below the list (px); `min` keeps a few rows on a very short window.
 */
export function useFitToScreen<T extends HTMLElement>(reserve: number, min = 180) {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const fit = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      el.style.maxHeight = `${Math.max(min, window.innerHeight - top - reserve)}px`;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(document.body);
    window.addEventListener('resize', fit);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', fit);
    };
  });
  return ref;
}
