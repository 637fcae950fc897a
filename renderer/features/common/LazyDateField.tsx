import { lazy, Suspense } from 'react';
import type { DateFieldProps } from './DateField';
import type * as DateFieldModule from './DateField';
// Here too: the placeholder is drawn before DateField's own chunk (and its styles) arrive.
import './date-field.css';

/*
 * The date field for the home screen: DateField's react-aria (date picker, calendar, their
 * locales) is a third of what the home screen would load, so it comes a moment after the screen,
 * in a box of the same size. The workshop screen imports DateField itself.
 */

let dateFieldCode: Promise<typeof DateFieldModule> | undefined;

/**
 * Starts loading the date field's code. The start calls it while it waits for the language's texts
 * and the store, so the chunk is fetched and run in that wait, not after the home list has shown
 * and before the first thing typed is handled (docs/performance.md, cold-start).
 */
export function preloadDateField(): Promise<typeof DateFieldModule> {
  const loading = (dateFieldCode ??= import('./DateField').then((module: typeof DateFieldModule | undefined) => {
    // A load cancelled for the page's reload (renderer/app/chunk-reload.ts) gives no module.
    if (!module) throw new Error('the date field did not load');
    return module;
  }));
  // A failed load is tried again by the next caller, not kept as the answer for good.
  loading.catch(() => {
    if (dateFieldCode === loading) dateFieldCode = undefined;
  });
  return loading;
}

const DateField = lazy(async () => ({ default: (await preloadDateField()).DateField }));

export function LazyDateField(props: DateFieldProps) {
  return (
    <Suspense fallback={<DateFieldPlaceholder label={props.label} hideLabel={props.hideLabel} className={props.className} />}>
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
