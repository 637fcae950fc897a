import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_COLOURS, STAKEHOLDER_GROUPS, type CardColour, type Participant, type StakeholderGroup } from '../../../shared/model';
import { useShownNames } from '../../hooks/use-shown-names';

interface OptionSelectProps<T> {
  value: T | null;
  onChange(value: T | null): void;
  /** What "none" reads as here: the default colour, no tag, or "all" in a filter. */
  noneLabel: string;
  'aria-label'?: string;
  'data-testid'?: string;
  disabled?: boolean;
}

/** A card colour, or none. */
export function ColourSelect({ value, onChange, noneLabel, ...rest }: OptionSelectProps<CardColour>) {
  const { t } = useTranslation();
  // The same elements while the language stays: the entry re-renders with every card added.
  const options = useMemo(
    () =>
      CARD_COLOURS.map((colour) => (
        <option key={colour} value={colour}>
          {t(`board.colours.${colour}`)}
        </option>
      )),
    [t],
  );
  return (
    <select value={value ?? ''} onChange={(event) => onChange((event.target.value || null) as CardColour | null)} {...rest}>
      <option value="">{noneLabel}</option>
      {options}
    </select>
  );
}

/** A stakeholder group tag, or none. */
export function StakeholderSelect({ value, onChange, noneLabel, ...rest }: OptionSelectProps<StakeholderGroup>) {
  const { t } = useTranslation();
  const options = useMemo(
    () =>
      STAKEHOLDER_GROUPS.map((group) => (
        <option key={group} value={group}>
          {t(`stakeholders.${group}`)}
        </option>
      )),
    [t],
  );
  return (
    <select value={value ?? ''} onChange={(event) => onChange((event.target.value || null) as StakeholderGroup | null)} {...rest}>
      <option value="">{noneLabel}</option>
      {options}
    </select>
  );
}

/** A person from the roster by id, or none. */
export function PersonSelect({ value, onChange, noneLabel, people, ...rest }: OptionSelectProps<string> & { people: readonly Participant[] }) {
  const names = useShownNames();
  // The select may show a long name cut: its whole name on pointing.
  const picked = people.find((person) => person.id === value);
  return (
    <select value={value ?? ''} onChange={(event) => onChange(event.target.value || null)} title={picked ? names.person(picked.name) : undefined} {...rest}>
      <option value="">{noneLabel}</option>
      {people.map((person) => (
        <option key={person.id} value={person.id}>
          {names.person(person.name)}
        </option>
      ))}
    </select>
  );
}
