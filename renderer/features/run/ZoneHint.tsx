import type { LiveWorkshop } from '../../../shared/model';
import { isComputerTimeZone, timeZoneLabel, timeZoneShortName } from '../../../shared/time-zone';
import { useWorkshopTimeZone } from '../../hooks/use-time-zone';
import { useUiLocale } from '../../hooks/use-ui-locale';

/**
 * The workshop's zone after a clock time (" MEZ"), only on a laptop set to another zone: there
 * "14:02" would otherwise read as this laptop's time. The full name is its tooltip.
 */
export function ZoneHint({ live, at }: { live: LiveWorkshop; /** The instant shown: summer time names the zone otherwise. */ at: number }) {
  const zone = useWorkshopTimeZone(live);
  const locale = useUiLocale();
  if (isComputerTimeZone(zone)) return null;
  return (
    <abbr className="zone-hint" title={timeZoneLabel(zone, locale, at)} data-testid="zone-hint">
      {' '}
      {timeZoneShortName(zone, locale, at)}
    </abbr>
  );
}
