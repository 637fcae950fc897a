import { createContext, useEffect, useRef, useState, type ReactNode } from 'react';

interface ModalProps {
  /** Id of the heading that names the dialog. */
  labelledBy: string;
  onClose(): void;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * The open modal's element, where pop-ups inside it (a date field's calendar) must be drawn: a
 * native modal makes everything outside it inert, so a pop-up drawn at the end of the body could
 * be seen but not used.
 */
export const ModalContainer = createContext<HTMLElement | null>(null);

/**
 * A small modal over the screen: the native <dialog> traps focus and closes on Escape; when it
 * goes away (closed or removed by React), focus goes back to what opened it. It floats above the page, so it never stretches the layout it
 * was opened from (a card in a row of cards). Pointer and key events stay inside, so a dialog
 * opened from a draggable card neither starts a drag nor edits the card.
 */
export function Modal({ labelledBy, onClose, className, testId, children }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    setContainer(dialog);
    return () => {
      // React removes the element without closing it, and the browser then restores no focus.
      if (dialog.open) dialog.close();
      if (opener?.isConnected) opener.focus();
    };
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
      <ModalContainer.Provider value={container}>{children}</ModalContainer.Provider>
    </dialog>
  );
}
