import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { actionTitleFromText, type Participant } from '../../../shared/model';
import { Modal } from '../common/Modal';
import { FieldError } from '../common/FieldError';
import { DateField } from '../common/DateField';
import { PersonSelect } from '../board/OptionSelects';

/** What the dialog asks for; the board turns it into an action item linked to the card. */
export interface ActionDraft {
  title: string;
  ownerId: string | null;
  due: string;
}

interface ActionFromCardDialogProps {
  cardText: string;
  participants: readonly Participant[];
  /** Makes the item; answers a refusal as a sentence, or null when it was made. */
  onCreate(draft: ActionDraft): string | null;
  onClose(): void;
}

/** An action item from a card in one step: the title taken from the card, an owner and a due date. */
export function ActionFromCardDialog({ cardText, participants, onCreate, onClose }: ActionFromCardDialogProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const [draft, setDraft] = useState<ActionDraft>({ title: actionTitleFromText(cardText), ownerId: null, due: '' });
  const [error, setError] = useState<string | null>(null);
  // A due date the field shows but cannot store: the item is not made without it (the field says why).
  const [dueProblem, setDueProblem] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (dueProblem) {
      form.current?.querySelector<HTMLElement>('.date-field [role="spinbutton"]')?.focus();
      return;
    }
    const refusal = onCreate(draft);
    if (refusal) return setError(refusal);
    onClose();
  };

  return (
    <Modal labelledBy={headingId} onClose={onClose} className="action-dialog" testId="action-dialog">
      <form ref={form} onSubmit={submit} noValidate>
        <h2 id={headingId}>{t('actions.fromCardTitle')}</h2>
        <label className="field">
          <span>{t('actions.colTitle')}</span>
          <input value={draft.title} onChange={(event) => setDraft({ ...draft, title: event.target.value })} autoFocus data-testid="action-dialog-title" />
        </label>
        <div className="action-dialog-row">
          <label className="field">
            <span>{t('actions.colOwner')}</span>
            <PersonSelect value={draft.ownerId} onChange={(ownerId) => setDraft({ ...draft, ownerId })} people={participants} noneLabel={t('actions.noOwner')} data-testid="action-dialog-owner" />
          </label>
          <DateField className="field" label={t('actions.colDue')} value={draft.due} onChange={(due) => setDraft({ ...draft, due })} onProblemChange={setDueProblem} testId="action-dialog-due" />
        </div>
        <FieldError message={error} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" data-testid="action-dialog-save">
            {t('actions.create')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
