import { lazy, Suspense, useEffect, useState } from 'react';
import type { DateFieldProps } from './DateField';
import type * as DateFieldModule from './DateField';
import { loadInBackground } from '../../state/background-loads';
import { whenIdle } from '../../state/when-idle';
// Here too: the placeholder is drawn before DateField's own chunk (and its styles) arrive.
import './date-field.css';

/*
 * The date field for the home screen: DateField's react-aria (date picker, calendar, their
 * locales) is a third of what the home screen would load, so it comes a moment after the screen,
 * in a box of the same size. The workshop screen imports DateField itself.
 */

let dateFieldCode: Promise<typeof DateFieldModule> | undefined;
let dateFieldLoaded = false;

/** Starts loading the date field's code (once; a failed load is tried again by the next caller). */
export function preloadDateField(): Promise<typeof DateFieldModule> {
  const loading = (dateFieldCode ??= import('./DateField').then((module: typeof DateFieldModule | undefined) => {
    // A load cancelled for the page's reload (renderer/app/chunk-reload.ts) gives no module.
    if (!module) throw new Error('the date field did not load');
    dateFieldLoaded = true;
    return module;
  }));
  // A failed load is tried again by the next caller, not kept as the answer for good.
  loading.catch(() => {
    if (dateFieldCode === loading) dateFieldCode = undefined;
  });
  return loading;
}

const DateField = lazy(async () => ({ default: (await preloadDateField()).DateField }));

/**
 * Whether the field may ask for its code: once the browser has been idle after the field first
 * showed. Loaded at start-up, the chunk (react-aria, 245 kB) was evaluated and rendered in the
 * start's busiest moments, sometimes between the first thing typed and its frame
 * (docs/performance.md, cold-start, fifth pass). The idle load is a background one, as the start's
 * was: its failure shows in the field (its error boundary) and never reloads the page under a
 * half-typed form.
 */
function useIdleDateField(): boolean {
  const [asked, setAsked] = useState(dateFieldLoaded);
  useEffect(() => {
    if (asked) return;
    return whenIdle(() => {
      loadInBackground(preloadDateField);
      setAsked(true);
    });
  }, [asked]);
  return asked;
}

export function LazyDateField(props: DateFieldProps) {
  const asked = useIdleDateField();
  const placeholder = <DateFieldPlaceholder label={props.label} hideLabel={props.hideLabel} className={props.className} />;
  if (!asked) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      <DateField {...props} />
    </Suspense>
  );
}

/** What DateField shows, without its segments: the label and the empty box. */
function DateFieldPlaceholder({ label, hideLabel = false, className }: Pick<DateFieldProps, 'label' | 'hideLabel' | 'className'>) {
  return (
    <div className={['date-field', className].filter(Boolean).join(' ')} aria-busy="true">
      {!hideLabel && <span className="date-field-label">{label}</span>}
      <span className="date-field-group" />
    </div>
  );
}
