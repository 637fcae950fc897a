import { useTranslation } from 'react-i18next';

export interface Place {
  venue: string;
  room: string;
}

interface PlaceFieldsProps {
  place: Place;
  onChange(place: Place): void;
  /** Test ids `<prefix>-venue` and `<prefix>-room`. */
  testIdPrefix: string;
  invalid?: boolean;
  autoFocus?: boolean;
}

/** Where a workshop takes place, as two fields: the same wherever it is entered (new workshop, the header). */
export function PlaceFields({ place, onChange, testIdPrefix, invalid = false, autoFocus = false }: PlaceFieldsProps) {
  const { t } = useTranslation();
  return (['venue', 'room'] as const).map((field) => (
    <label className="field" key={field}>
      <span>{t(field === 'venue' ? 'workshop.venue' : 'workshop.room')}</span>
      <input
        value={place[field]}
        onChange={(event) => onChange({ ...place, [field]: event.target.value })}
        placeholder={t(field === 'venue' ? 'workshop.venuePlaceholder' : 'workshop.roomPlaceholder')}
        aria-invalid={invalid ? 'true' : undefined}
        autoFocus={autoFocus && field === 'venue'}
        data-testid={`${testIdPrefix}-${field}`}
      />
    </label>
  ));
}
