import { useEffect, type RefObject } from 'react';

/**
 * Keeps a CSS custom property on the document at the height of a fixed or sticky element (the top
 * bar, the toasts), so the scroll margins of focusable elements clear it whatever its height is in
 * this language and at this width. `counts` says whether the element covers the page right now
 * (the top bar is not sticky on a phone): when it does not, the property is 0. Pass a function
 * defined outside the component: a new one on every render would restart the observer.
 */
export function useHeightVariable(ref: RefObject<HTMLElement | null>, name: `--${string}`, counts: (element: HTMLElement) => boolean = always): void {
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty(name, counts(element) ? `${Math.ceil(element.getBoundingClientRect().height)}px` : '0px');
    update();
    const observer = new ResizeObserver(update);
    observer.observe(element);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
      root.style.removeProperty(name);
    };
  }, [ref, name, counts]);
}

function always(): boolean {
  return true;
}
