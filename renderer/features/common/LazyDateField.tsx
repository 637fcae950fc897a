import { lazy, Suspense } from 'react';
import type { DateFieldProps } from './DateField';
// Here too: the placeholder is drawn before DateField's own chunk (and its styles) arrive.
import './date-field.css';

/*
 * The date field for the home screen: DateField's react-aria (date picker, calendar, their
 * locales) is a third of what the home screen would load, so it comes a moment after the screen,
 * in a box of the same size. The workshop screen imports DateField itself.
 */

const DateField = lazy(async () => ({ default: (await import('./DateField')).DateField }));

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
