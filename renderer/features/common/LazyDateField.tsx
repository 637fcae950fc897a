import { Component, lazy, Suspense, useEffect, useState, type ReactNode } from 'react';
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
 * was: it never reloads the page under a half-typed form, and when it fails the field becomes the
 * browser's own date input (NativeDateField) instead of taking the form with it.
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
    <DateFieldNotLoaded fallback={<NativeDateField {...props} />}>
      <Suspense fallback={placeholder}>
        <DateField {...props} />
      </Suspense>
    </DateFieldNotLoaded>
  );
}

/**
 * Catches a date field whose code did not load: React's `lazy` keeps that failure, so without this
 * the form's own boundary would replace the whole form (title and Create button too) until a restart.
 */
class DateFieldNotLoaded extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The browser's own date input: the same value and label, for when DateField's code is missing. */
function NativeDateField({ value, onChange, label, hideLabel = false, testId, className, readOnly, title }: DateFieldProps) {
  return (
    <label className={['date-field', className].filter(Boolean).join(' ')} title={title}>
      {!hideLabel && <span className="date-field-label">{label}</span>}
      <input
        type="date"
        className="date-field-group"
        value={value}
        min="1970-01-01"
        max="2099-12-31"
        readOnly={readOnly}
        aria-label={hideLabel ? label : undefined}
        data-testid={testId}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
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
