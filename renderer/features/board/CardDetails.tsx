import { useContext, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CARD_COLOURS, type Card, type CardColour } from '../../../shared/model';
import { Modal } from '../common/Modal';
import { ActionFromCardDialog } from '../actions/ActionFromCardDialog';
import { ParticipantsContext, type BoardActions } from './board-types';
import { PersonSelect, StakeholderSelect } from './OptionSelects';

interface CardDetailsProps {
  card: Card;
  actions: BoardActions;
  onMakeAction(): void;
  onClose(): void;
}

/**
 * A card's colour, author and tag, and turning it into an action item: a small dialog over the
 * board, so the row of cards the card stands in keeps its height.
 */
export function CardDetails({ card, actions, onMakeAction, onClose }: CardDetailsProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const participants = useContext(ParticipantsContext);
  const set = actions.setDetails.bind(null, card.id);
  return (
    <Modal labelledBy={headingId} onClose={onClose} className="card-details" testId="card-details-panel">
      <h2 id={headingId}>{t('board.cardDetails')}</h2>
      <p className="card-details-text">{card.text}</p>
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
        <PersonSelect value={card.authorId} onChange={(authorId) => set({ authorId })} people={participants} noneLabel={t('board.anonymous')} data-testid="card-author-select" />
      </label>
      <div className="dialog-actions">
        <button type="button" onClick={onMakeAction} data-testid="card-make-action">
          {t('actions.fromCard')}
        </button>
        <button type="button" className="primary" onClick={onClose} data-testid="card-details-close">
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}

/** The action item dialog for a card, with the roster to pick its owner from. */
export function CardActionDialog({ card, actions, onClose }: { card: Card; actions: BoardActions; onClose(): void }) {
  const participants = useContext(ParticipantsContext);
  return <ActionFromCardDialog cardText={card.text} participants={participants} onCreate={(draft) => actions.makeAction(card.id, draft)} onClose={onClose} />;
}
