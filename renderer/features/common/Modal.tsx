import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  /** Id of the heading that names the dialog. */
  labelledBy: string;
  onClose(): void;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * A small modal over the screen: the native <dialog> traps focus, closes on Escape and gives
 * focus back to what opened it. It floats above the page, so it never stretches the layout it
 * was opened from (a card in a row of cards). Pointer and key events stay inside, so a dialog
 * opened from a draggable card neither starts a drag nor edits the card.
 */
export function Modal({ labelledBy, onClose, className, testId, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className={`dialog${className ? ` ${className}` : ''}`}
      aria-labelledby={labelledBy}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onPointerDown={(event) => event.stopPropagation()}
      onDoubleClick={(event) => event.stopPropagation()}
      onKeyDown={(event) => event.stopPropagation()}
      data-testid={testId}
    >
      {children}
    </dialog>
  );
}
