/** Player symbols drawn, not typed: the fonts on a venue laptop may lack ⏮ ⏸ ⏭. */
export function RunIcon({ name }: { name: 'play' | 'pause' | 'previous' | 'next' }) {
  const paths = {
    play: 'M4 2.5v11l9-5.5z',
    pause: 'M3.5 2.5h3v11h-3zM9.5 2.5h3v11h-3z',
    previous: 'M3 2.5h2v11H3zM14 2.5v11L6 8z',
    next: 'M11 2.5h2v11h-2zM2 2.5v11L10 8z',
  } as const;
  return (
    <svg className="run-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
