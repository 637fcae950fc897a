import { useState, type KeyboardEvent } from 'react';

interface InlineTextProps {
  value: string;
  label: string;
  type?: 'text' | 'email';
  /** Writes the value; returns an error text to show, or null when it was taken. */
  onCommit(value: string): string | null;
  testId?: string;
  /** Shown while the field is empty (a stored value that reads as blank is passed as ''). */
  placeholder?: string;
}

/**
 * A table cell edited in place: written on blur or Enter, Escape puts the stored value back.
 * A refused value stays in the field, marked, with the reason as its description.
 */
export function InlineText({ value, label, type = 'text', onCommit, testId, placeholder }: InlineTextProps) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(value);
  // Another laptop (or undo) changed the stored value: show it (React's "adjust state on prop change").
  if (shown !== value) {
    setShown(value);
    setDraft(value);
    setError(null);
  }

  const commit = () => {
    if (draft === value) return setError(null);
    setError(onCommit(draft));
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit();
    if (event.key === 'Escape') {
      setDraft(value);
      setError(null);
    }
  };
  return (
    <span className="inline-field">
      <input
        className="inline-input"
        type={type}
        value={draft}
        placeholder={placeholder}
        aria-label={label}
        aria-invalid={error ? 'true' : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        data-testid={testId}
      />
      {error && (
        <span className="inline-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
