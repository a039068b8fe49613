import { useEffect, useRef } from 'react';

export type ReviewKey = 's' | 'd' | 'j' | 'k';

const CODES: Record<string, ReviewKey> = { KeyS: 's', KeyD: 'd', KeyJ: 'j', KeyK: 'k' };

/** True when a key press belongs to what the user is typing, not to the page. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Reviewers' single-key shortcuts (S same, D different, J next, K previous), as in mail and code
 * review tools. Ignored while typing in a field or with a modifier held, so the reason box and
 * the browser's own shortcuts keep working. Handlers may change every render.
 */
export function useReviewShortcuts(handlers: Partial<Record<ReviewKey, () => void>>): void {
  const current = useRef(handlers);
  current.current = handlers;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.repeat) return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // The physical key, so the shortcuts work with an Arabic or French keyboard layout too.
      const key = (CODES[event.code] ?? event.key.toLowerCase()) as ReviewKey;
      const handler = current.current[key];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
