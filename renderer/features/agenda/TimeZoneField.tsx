import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, useFilter, type Key } from 'react-aria-components';
import { currentZoneName, systemTimeZone } from '../../../shared/model';
import { isComputerTimeZone, timeZoneLabel } from '../../../shared/time-zone';
import { useUiLocale } from '../../hooks/use-ui-locale';
import './time-zone-field.css';

interface TimeZoneFieldProps {
  /** The workshop's zone as stored; '' when an older workshop has none. */
  value: string;
  /** Null on a laptop that may not change it. */
  onChange: ((zone: string) => void) | null;
}

/**
 * Every zone this runtime knows, by today's names, with the one shown even when the runtime does
 * not list it: it spells it otherwise, or it is this computer's own and not in the list (a
 * computer set to UTC: `supportedValuesOf` has no "UTC").
 */
function zoneList(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone').map(currentZoneName);
  return current === '' || zones.includes(current) ? zones : [current, ...zones].sort();
}

/**
 * The workshop's time zone, searched by typing ("berl", "kyiv", "GMT+2"): every clock time of
 * the workshop is shown in it. Each zone is listed with its name and offset today.
 */
export function TimeZoneField({ value, onChange }: TimeZoneFieldProps) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { contains } = useFilter({ sensitivity: 'base' });
  const shown = value || systemTimeZone();
  // Offsets as of when the field appeared: summer time may change them, not while one picks.
  const [now] = useState(() => Date.now());
  // Labelling every zone builds two formatters for each of some 430 zones (150 ms on a quiet
  // laptop, the most of opening a workshop): only once someone comes to pick. Until then the
  // field needs the label of the zone it shows.
  const [picking, setPicking] = useState(false);
  const items = useMemo(() => {
    const zones = picking ? zoneList(shown) : [shown];
    return zones.map((zone) => ({ id: zone, label: timeZoneLabel(zone, locale, now) }));
  }, [picking, shown, locale, now]);
  const shownLabel = items.find((item) => item.id === shown)?.label ?? shown;
  const computer = systemTimeZone();

  return (
    <div className="agenda-zone">
      <ComboBox
        className="zone-field"
        defaultItems={items}
        selectedKey={shown}
        onSelectionChange={(key: Key | null) => {
          if (onChange && typeof key === 'string' && key !== value) onChange(key);
        }}
        defaultFilter={(text, input) => contains(text, input) || contains(text.replace(/_/g, ' '), input)}
        isReadOnly={!onChange}
        // A read-only field never opens: a table laptop does not build the list for nothing.
        onFocus={onChange ? () => setPicking(true) : undefined}
        onOpenChange={(open) => open && setPicking(true)}
        data-testid="agenda-time-zone"
        data-value={shown}
      >
        <Label className="zone-field-label">{t('agenda.timeZone')}</Label>
        <div className="zone-field-group">
          <Input
            className="zone-field-input"
            // Selected on coming to the field, so typing replaces the zone's name; not when the
            // focus comes back to it mid-typing (the list's popover can take it for a moment), or
            // the next letter replaced what was typed ("kyiv" became "iv": Vladivostok).
            onFocus={(event) => {
              if (event.currentTarget.value === shownLabel) event.currentTarget.select();
            }}
            title={onChange ? undefined : t('roles.onlyModerator')}
          />
          <Button className="icon zone-field-button" aria-label={t('agenda.timeZoneShowAll')}>
            ▾
          </Button>
        </div>
        <Popover className="zone-field-popover" placement="bottom start">
          <ListBox className="zone-field-list">
            {(item: { id: string; label: string }) => (
              <ListBoxItem id={item.id} textValue={item.label} className="zone-field-option">
                {item.label}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {!isComputerTimeZone(shown) && (
        <p className="muted small zone-field-note" data-testid="agenda-time-zone-note">
          {t('agenda.timeZoneOther', { computer })}
        </p>
      )}
      {value === '' && (
        // An older workshop (or backup) without a zone, or one this runtime does not know: what
        // it shows is this computer's zone, not a choice. A table cannot choose; the moderator can.
        <p className="muted small zone-field-note" data-testid="agenda-time-zone-unset">
          {t(onChange ? 'agenda.timeZoneUnset' : 'agenda.timeZoneUnsetTable')}
        </p>
      )}
    </div>
  );
}
