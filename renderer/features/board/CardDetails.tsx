import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_COLOURS, type Card, type CardColour } from '../../../shared/model';
import { ParticipantsContext, type BoardActions } from './board-types';
import { StakeholderSelect } from './OptionSelects';

/** A card's colour, author and tag, and turning it into an action item. */
export function CardDetails({ card, actions, onClose }: { card: Card; actions: BoardActions; onClose(): void }) {
  const { t } = useTranslation();
  const participants = useContext(ParticipantsContext);
  const set = actions.setDetails.bind(null, card.id);
  return (
    <div className="card-details" role="group" aria-label={t('board.cardDetails')} data-testid="card-details-panel" onKeyDown={(event) => event.key === 'Escape' && onClose()}>
      <fieldset className="swatches">
        <legend>{t('board.colour')}</legend>
        {[null, ...CARD_COLOURS].map((colour) => (
          <label key={colour ?? 'default'} className={`swatch colour-${colour ?? 'default'}`} title={t(`board.colours.${colour ?? 'default'}`)}>
            <input type="radio" name={`colour-${card.id}`} checked={card.colour === colour} onChange={() => set({ colour: colour as CardColour | null })} aria-label={t(`board.colours.${colour ?? 'default'}`)} />
          </label>
        ))}
      </fieldset>
      <label className="field">
        {t('board.stakeholderTag')}
        <StakeholderSelect value={card.stakeholderGroup} onChange={(stakeholderGroup) => set({ stakeholderGroup })} noneLabel={t('board.noTag')} data-testid="card-tag" />
      </label>
      <label className="field">
        {t('board.author')}
        <select value={card.authorId ?? ''} onChange={(event) => set({ authorId: event.target.value || null })} data-testid="card-author-select">
          <option value="">{t('board.anonymous')}</option>
          {participants.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <div className="row">
        <button type="button" onClick={() => actions.makeAction(card.id)} data-testid="card-make-action">
          {t('actions.fromCard')}
        </button>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
    </div>
  );
}
