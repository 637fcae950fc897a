/**
 * The due date of an action item, as "YYYY-MM-DD" or '' for none. The one place a due date is
 * entered from a card, so a date field that follows the UI's language replaces it here alone.
 */
export function DueDateInput({ value, onChange, label, testId }: { value: string; onChange(value: string): void; label: string; testId?: string }) {
  return <input type="date" value={value} onChange={(event) => onChange(event.target.value)} aria-label={label} data-testid={testId} />;
}
