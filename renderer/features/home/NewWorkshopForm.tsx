import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { NewWorkshopFields } from '../../session/workshop-library';
import { useNewWorkshopRequest } from '../../state/new-workshop-request';
import { FieldError } from '../common/FieldError';

interface NewWorkshopFormProps {
  /** Resolves to an error message to show, or null when the workshop was created. */
  onCreate(fields: NewWorkshopFields): Promise<string | null>;
}

export function NewWorkshopForm({ onCreate }: NewWorkshopFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [venue, setVenue] = useState('');
  const [room, setRoom] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);
  const { pending, done } = useNewWorkshopRequest();
  useEffect(() => {
    if (!pending) return;
    titleInput.current?.focus();
    done();
  }, [pending, done]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const message = await onCreate({ title, date, venue, room });
    setBusy(false);
    setError(message);
  };

  return (
    <form className="new-workshop" onSubmit={(event) => void submit(event)} noValidate>
      <label className="field grow">
        <span>{t('home.titleLabel')}</span>
        <input
          ref={titleInput}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder={t('home.titlePlaceholder')}
          aria-invalid={error !== null}
          aria-describedby={error ? 'new-workshop-error' : undefined}
          data-testid="new-workshop-title"
        />
      </label>
      <label className="field">
        <span>{t('home.dateLabel')}</span>
        <input type="date" value={date} onChange={(event) => setDate(event.target.value)} data-testid="new-workshop-date" />
      </label>
      <label className="field">
        <span>{t('workshop.venue')}</span>
        <input
          value={venue}
          onChange={(event) => setVenue(event.target.value)}
          placeholder={t('workshop.venuePlaceholder')}
          data-testid="new-workshop-venue"
        />
      </label>
      <label className="field">
        <span>{t('workshop.room')}</span>
        <input
          value={room}
          onChange={(event) => setRoom(event.target.value)}
          placeholder={t('workshop.roomPlaceholder')}
          data-testid="new-workshop-room"
        />
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="create-workshop">
        {t('home.create')}
      </button>
      <FieldError message={error} id="new-workshop-error" />
    </form>
  );
}
