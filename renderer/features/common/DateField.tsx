import { useContext, useEffect, useEffectEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
import { useUiLocale } from '../../hooks/use-ui-locale';
import { FieldError } from './FieldError';
import { ModalContainer } from './Modal';
import { FIRST_DATE, LAST_DATE, settleTypedDate, storableIso, type DayParts } from './typed-date';
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
  /**
   * Told whether the field shows a date it cannot store (outside FIRST_DATE…LAST_DATE, or without
   * its year): a form refuses to submit meanwhile instead of saving without the date.
   */
  onProblemChange?(hasProblem: boolean): void;
  /**
   * For a field that writes straight into the document (an action item's due date): a date typed
   * segment by segment goes out once, when the person is done (leaves the segments, presses Enter,
   * picks a day in the calendar), not at each segment: changing 15.03. to 28.04. would otherwise
   * store 28.03. on the way, send it to every laptop and make it an undo step of its own.
   */
  commitOnLeave?: boolean;
}

/** Why a date the field shows is not the stored one; the field says so below itself. */
type DateProblem = 'outOfRange' | 'incomplete';

// The dates the model stores (shared/model/time.ts): the calendar offers no other.
const FIRST_DAY = new CalendarDate(FIRST_DATE.year, FIRST_DATE.month, FIRST_DATE.day);
const LAST_DAY = new CalendarDate(LAST_DATE.year, LAST_DATE.month, LAST_DATE.day);

/** Some of day, month and year typed, some not: react-aria keeps such a date to itself. */
function isPartlyTyped(field: HTMLElement | null): boolean {
  const segments = [...(field?.querySelectorAll<HTMLElement>('[role="spinbutton"]') ?? [])];
  const typed = segments.filter((segment) => segment.dataset.placeholder !== 'true').length;
  return typed > 0 && typed < segments.length;
}

/** Whether `target` is one of the field's day, month and year segments. */
function isSegmentIn(field: HTMLElement | null, target: EventTarget | null): boolean {
  return field !== null && target instanceof HTMLElement && target.getAttribute('role') === 'spinbutton' && field.contains(target);
}

function dayText(locale: string, { year, month, day }: DayParts): string {
  return new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, day));
}

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
export function DateField({ value, onChange, label, hideLabel = false, testId, className, readOnly = false, title, onProblemChange, commitOnLeave = false }: DateFieldProps) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const modal = useContext(ModalContainer);
  const field = useRef<HTMLDivElement>(null);
  const problemId = useId();
  // What the person is typing: while the year reads "2", "20", "202" the date is no storable one
  // yet, so it stays here and only a date the model accepts (or an emptied field) goes out.
  const [draft, setDraft] = useState(() => toCalendarDate(value));
  const [sent, setSent] = useState(value);
  // Set when the person leaves the field with a date it cannot store: shown, never silently dropped.
  const [problem, setProblem] = useState<DateProblem | null>(null);
  if (sent !== value) {
    // Changed elsewhere (another laptop, undo) or refused: show what is stored.
    setSent(value);
    setDraft(toCalendarDate(value));
    setProblem(null);
  }
  useEffect(() => onProblemChange?.(problem !== null), [problem, onProblemChange]);
  const send = (iso: string) => {
    setSent(iso);
    onChange(iso);
  };
  const change = (date: CalendarDate | null) => {
    setDraft(date);
    setProblem(null);
    const iso = date ? storableIso(date) : '';
    // Typed into the segments: settled when the person leaves them (commitOnLeave). A day picked
    // in the calendar (the focus is there, not in a segment) is a finished choice.
    if (iso === null || (commitOnLeave && isSegmentIn(field.current, document.activeElement))) return;
    send(iso);
  };
  // Leaving the field settles what it shows: "31.12.26" becomes 2026 and is stored; a date the
  // model cannot store stays shown, with the reason, and the stored one stays as it was.
  const settle = () => {
    if (readOnly) return;
    if (isPartlyTyped(field.current)) return setProblem('incomplete');
    if (!draft) {
      // Emptied (commitOnLeave sent nothing yet); a stored value that is no date stays as it was.
      if (toCalendarDate(sent) !== null) send('');
      return;
    }
    const settled = settleTypedDate(draft);
    if (!settled.ok) return setProblem(settled.problem);
    if (settled.iso !== draft.toString()) setDraft(new CalendarDate(settled.date.year, settled.date.month, settled.date.day));
    if (settled.iso !== sent) send(settled.iso);
  };
  const settleOnLeave = useEffectEvent(settle);
  useEffect(() => {
    const element = field.current;
    if (!element) return;
    // Settled when the focus leaves the typed part, also for the calendar's button beside it
    // (Tab goes there first), not between day, month and year.
    const left = (event: FocusEvent) => {
      if (isSegmentIn(element, event.target) && !isSegmentIn(element, event.relatedTarget)) settleOnLeave();
    };
    // Enter in a segment says the date is typed, as leaving does; the focus stays.
    const entered = (event: KeyboardEvent) => {
      if (event.key === 'Enter' && !event.isComposing && isSegmentIn(element, event.target)) settleOnLeave();
    };
    element.addEventListener('focusout', left);
    element.addEventListener('keydown', entered);
    return () => {
      element.removeEventListener('focusout', left);
      element.removeEventListener('keydown', entered);
    };
  }, []);
  const problemText = problem && t(`errors.date.${problem}`, { first: dayText(locale, FIRST_DATE), last: dayText(locale, LAST_DATE) });
  return (
    <I18nProvider locale={locale}>
      <DatePicker
        className={['date-field', className].filter(Boolean).join(' ')}
        value={draft}
        onChange={change}
        ref={field}
        // Invalid only once settled: not for the "0002" a year reads while it is being typed.
        isInvalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
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
        <FieldError id={problemId} message={problemText} inline={hideLabel} testId={testId ? `${testId}-problem` : undefined} />
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
