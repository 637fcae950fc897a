import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError';

/**
 * Whether a title is being edited, and the control that opened the editor: when editing ends
 * with Enter, Escape or a button, focus goes back to that control (a keyboard user keeps their
 * place); when it ends because focus left for something else, focus stays where the user put it.
 */
export function useInlineEditing<T extends HTMLElement = HTMLButtonElement>() {
  const [editing, setEditing] = useState(false);
  const trigger = useRef<T>(null);
  const refocus = useRef(false);
  useEffect(() => {
    if (editing || !refocus.current) return;
    refocus.current = false;
    trigger.current?.focus();
  }, [editing]);
  const open = useCallback(() => setEditing(true), []);
  const close = useCallback((returnFocus: boolean) => {
    refocus.current = returnFocus;
    setEditing(false);
  }, []);
  return { editing, trigger, open, close };
}

interface InlineTitleEditorProps {
  /** The title when editing starts. */
  initial: string;
  label: string;
  /** Writes the title: an error text keeps the editor open and shows it, null closes it. */
  onSave(title: string): string | null | Promise<string | null>;
  /** Editing ends; `returnFocus` is false when focus has already gone elsewhere. */
  onClose(returnFocus: boolean): void;
  inputTestId: string;
  /**
   * 'form': the field with Save (and Cancel) buttons and the refusal below it.
   * 'bare': the field alone, for a heading among other controls; it saves when focus leaves it.
   */
  variant?: 'form' | 'bare';
  className?: string;
  showCancel?: boolean;
  inlineError?: boolean;
}

/** A title edited in place: Enter saves, Escape cancels, and focus returns to where it came from. */
export function InlineTitleEditor({ initial, label, onSave, onClose, inputTestId, variant = 'form', className, showCancel = true, inlineError = false }: InlineTitleEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  // Enter closes the field and its removal may blur it: the title is written once.
  const finished = useRef(false);

  const save = async (returnFocus: boolean) => {
    if (finished.current) return;
    const message = await onSave(draft);
    setError(message);
    if (message !== null) return;
    finished.current = true;
    onClose(returnFocus);
  };
  const cancel = () => {
    if (finished.current) return;
    finished.current = true;
    onClose(true);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (variant === 'bare' && event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void save(true);
    }
  };

  const input = (
    <input
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      aria-label={label}
      aria-invalid={error ? 'true' : undefined}
      autoFocus
      onKeyDown={onKeyDown}
      onBlur={variant === 'bare' ? () => void save(false) : undefined}
      data-testid={inputTestId}
    />
  );
  if (variant === 'bare') return input;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(true);
  };
  return (
    <form className={className} onSubmit={submit} noValidate>
      {input}
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
      {showCancel && (
        <button type="button" onClick={cancel}>
          {t('common.cancel')}
        </button>
      )}
      <FieldError message={error} inline={inlineError} />
    </form>
  );
}
