'use client';

import { useLayoutEffect, useState, type RefObject } from 'react';
import { rowWindow } from '@/lib/view/row-window';

interface Viewport {
  scrollTop: number;
  height: number;
}

/**
 * The rows of a fixed-row-height list to render inside the scroll container `scrollRef` (lib/view/row-window.ts),
 * kept current on scroll and resize. Before the container is laid out (the server render) the viewport is taken
 * to be `initialHeight` tall, so the HTML carries the first screenful. Re-renders only when the scroll position or
 * size changed, never for the same reading twice.
 */
export function useRowWindow(
  scrollRef: RefObject<HTMLElement | null>,
  o: { count: number; rowHeight: number; rowsTop: number; overscan: number; initialHeight: number },
): { start: number; end: number } {
  const [viewport, setViewport] = useState<Viewport>({ scrollTop: 0, height: o.initialHeight });
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const read = () =>
      setViewport((v) =>
        v.scrollTop === el.scrollTop && v.height === el.clientHeight
          ? v
          : { scrollTop: el.scrollTop, height: el.clientHeight },
      );
    read();
    el.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(el);
    return () => {
      el.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, [scrollRef]);
  return rowWindow({ ...o, scrollTop: viewport.scrollTop, viewportHeight: viewport.height });
}
