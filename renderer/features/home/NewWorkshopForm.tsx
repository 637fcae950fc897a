import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DateField } from '../common/DateField';
import { FieldError } from '../common/FieldError';

interface NewWorkshopFormProps {
  /** Resolves to an error message to show, or null when the workshop was created. */
  onCreate(title: string, date: string): Promise<string | null>;
}

export function NewWorkshopForm({ onCreate }: NewWorkshopFormProps) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [date, setDate] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    const message = await onCreate(title, date);
    setBusy(false);
    setError(message);
  };

  return (
    <form className="new-workshop" onSubmit={(event) => void submit(event)} noValidate>
      <label className="field grow">
        <span>{t('home.titleLabel')}</span>
        <input
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          placeholder={t('home.titlePlaceholder')}
          aria-invalid={error !== null}
          aria-describedby={error ? 'new-workshop-error' : undefined}
          data-testid="new-workshop-title"
        />
      </label>
      <DateField className="field" label={t('home.dateLabel')} value={date} onChange={setDate} testId="new-workshop-date" />
      <button type="submit" className="primary" disabled={busy} data-testid="create-workshop">
        {t('home.create')}
      </button>
      <FieldError message={error} id="new-workshop-error" />
    </form>
  );
}
