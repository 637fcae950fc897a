import { useContext, useState } from 'react';
import { CalendarDate, parseDate } from '@internationalized/date';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Label,
  Popover,
} from 'react-aria-components';
import { isoDateMs } from '../../../shared/model/plain';
import { useUiLocale } from '../../hooks/use-ui-locale';
import { ModalContainer } from './Modal';
import './date-field.css';

export interface DateFieldProps {
  /** The date as stored: ISO "YYYY-MM-DD", or '' for none. */
  value: string;
  /** Called with a complete date as ISO "YYYY-MM-DD", or '' when the field is emptied. */
  onChange(value: string): void;
  label: string;
  /** A table cell names its field for screen readers only; a form shows the label above. */
  hideLabel?: boolean;
  testId?: string;
  className?: string;
  /** Shown but not editable (a laptop that may not change it); `title` says why. */
  readOnly?: boolean;
  title?: string;
}

// The dates the model stores (shared/model/time.ts): the calendar offers no other.
const FIRST_DAY = new CalendarDate(1970, 1, 1);
const LAST_DAY = new CalendarDate(2099, 12, 31);

/** A stored value that is no date (a peer's, a backup's) shows as an empty field instead of failing. */
function toCalendarDate(value: string): CalendarDate | null {
  if (!value) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/**
 * The one date field of the app. Chromium's <input type="date"> formats by the browser's locale,
 * so a German UI in an English browser showed 12/06/2023; this field takes the UI's locale
 * (06.12.2023 in German and Ukrainian, 06/12/2023 in English), is typed segment by segment with
 * the keyboard (arrow keys step a segment), and opens a calendar from its button. The segments'
 * and calendar's screen-reader words come localised from react-aria.
 */
export function DateField({ value, onChange, label, hideLabel = false, testId, className, readOnly = false, title }: DateFieldProps) {
  const locale = useUiLocale();
  const modal = useContext(ModalContainer);
  // What the person is typing: while the year reads "2", "20", "202" the date is no storable one
  // yet, so it stays here and only a date the model accepts (or an emptied field) goes out.
  const [draft, setDraft] = useState(() => toCalendarDate(value));
  const [sent, setSent] = useState(value);
  if (sent !== value) {
    // Changed elsewhere (another laptop, undo) or refused: show what is stored.
    setSent(value);
    setDraft(toCalendarDate(value));
  }
  const change = (date: CalendarDate | null) => {
    setDraft(date);
    const iso = date ? date.toString() : '';
    if (iso !== '' && isoDateMs(iso) === null) return;
    setSent(iso);
    onChange(iso);
  };
  return (
    <I18nProvider locale={locale}>
      <DatePicker
        className={['date-field', className].filter(Boolean).join(' ')}
        value={draft}
        onChange={change}
        isReadOnly={readOnly}
        minValue={FIRST_DAY}
        maxValue={LAST_DAY}
        aria-label={hideLabel ? label : undefined}
        shouldForceLeadingZeros
        granularity="day"
        data-testid={testId}
        // The stored ISO date, for tests and anyone inspecting the page.
        data-value={value}
      >
        {!hideLabel && <Label className="date-field-label">{label}</Label>}
        <Group className="date-field-group" title={title}>
          <DateInput className="date-field-input">{(segment) => <DateSegment segment={segment} className="date-field-segment" />}</DateInput>
          <Button className="date-field-button icon">
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
              <rect x="1.5" y="2.5" width="13" height="12" rx="1.5" fill="none" stroke="currentColor" />
              <path d="M1.5 6h13M5 1v3M11 1v3" stroke="currentColor" />
            </svg>
          </Button>
        </Group>
        <Popover className="date-field-popover" placement="bottom start" UNSTABLE_portalContainer={modal ?? undefined}>
          <Dialog className="date-field-dialog">
            <Calendar className="date-field-calendar">
              <header className="date-field-calendar-header">
                <Button slot="previous" className="icon">‹</Button>
                <Heading className="date-field-calendar-heading" />
                <Button slot="next" className="icon">›</Button>
              </header>
              <CalendarGrid className="date-field-grid">{(date) => <CalendarCell date={date} className="date-field-cell" />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </I18nProvider>
  );
}
