import { useTranslation } from 'react-i18next';
import type { LiveWorkshop } from '../../../shared/model';
import { longDate } from '../../../shared/minutes';
import { useLive } from '../../hooks/use-live';
import { lengthLook } from './wall-size';

/** The workshop's title, date and venue (place and room) on the wall while the room fills. */
export function ProjectorTitle({ live }: { live: LiveWorkshop }) {
  const { t, i18n } = useTranslation();
  const meta = useLive(live, 'meta');
  const date = longDate(meta.date, i18n.language);
  const venue = meta.venue.trim();
  const room = meta.room.trim();
  return (
    <div className="projector-title" data-testid="projector-title">
      <h1 className={lengthLook(meta.title, 60, 120).trim() || undefined}>{meta.title}</h1>
      {date && <p className="projector-title-when">{date}</p>}
      {(venue || room) && (
        <p className="projector-title-where" data-testid="projector-venue">
          {venue && <strong>{venue}</strong>}
          {venue && room && ' · '}
          {room && t('projector.room', { room })}
        </p>
      )}
    </div>
  );
}
