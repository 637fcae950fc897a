import { placeText, type LiveWorkshop } from '../../../shared/model';
import { longDate } from '../../../shared/minutes';
import { useLive } from '../../hooks/use-live';
import { useUiLocale } from '../../hooks/use-ui-locale';
import { lengthLook } from './wall-size';

/** The workshop's title, date and venue (place and room) on the wall while the room fills. */
export function ProjectorTitle({ live }: { live: LiveWorkshop }) {
  const meta = useLive(live, 'meta');
  const date = longDate(meta.date, useUiLocale());
  const place = placeText({ venue: meta.venue.trim(), room: meta.room.trim() });
  return (
    <div className="projector-title" data-testid="projector-title">
      <h1 className={lengthLook(meta.title, 60, 120).trim() || undefined}>{meta.title}</h1>
      {date && <p className="projector-title-when">{date}</p>}
      {place && (
        <p className="projector-title-where" data-testid="projector-venue">
          {place}
        </p>
      )}
    </div>
  );
}
