import { useTranslation } from 'react-i18next';
import { PLENARY_BOARD_ID } from '../../../shared/model';
import { canWriteOn } from '../../../shared/roles/permissions';
import { useLive } from '../../hooks/use-live';
import type { WorkshopSession } from '../../session/workshop-session';
import { FieldError } from '../common/FieldError';
import { InlineText } from '../common/InlineText';
import { useCan, useRole, useSeat } from '../roles/use-role';
import { useParkingLotCommands } from './use-parking-lot-commands';
import './parking-lot.css';

/** The parking lot next to the plenary's board: questions the room takes up later. */
export function ParkingLotPanel({ session }: { session: WorkshopSession }) {
  const { t } = useTranslation();
  const { form, add, edit, setTakenUp, remove } = useParkingLotCommands(session.doc);
  const questions = useLive(session.live, 'parkingLot');
  // Parking follows the plenary's board: the moderator, and the tables while it is open.
  const canWrite = canWriteOn(useRole(), { id: PLENARY_BOARD_ID, kind: 'plenary' }, useSeat());
  const canManage = useCan('parkingLot.manage');
  const open = questions.filter((question) => !question.takenUp).length;

  return (
    <section className="panel parking-lot-panel" aria-labelledby="parking-lot-heading" data-testid="parking-lot">
      <div className="panel-head">
        <h2 id="parking-lot-heading">{t('parkingLot.title')}</h2>
        <span className="muted" data-testid="parking-lot-count">
          {t('parkingLot.open', { count: open })}
        </span>
      </div>
      {canWrite ? (
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
        >
          <input value={form.text} onChange={(event) => form.setText(event.target.value)} placeholder={t('parkingLot.placeholder')} aria-label={t('parkingLot.newLabel')} data-testid="parking-lot-new" />
          <button type="submit" disabled={form.text.trim() === ''} data-testid="parking-lot-add">
            {t('parkingLot.add')}
          </button>
          <FieldError message={form.error} />
        </form>
      ) : (
        <p className="muted">{t('parkingLot.readOnly')}</p>
      )}
      {questions.length === 0 ? (
        <p className="muted empty">{t('parkingLot.empty')}</p>
      ) : (
        <ul className="parking-lot-list">
          {questions.map((question) => (
            <li key={question.id} className={question.takenUp ? 'taken-up' : undefined} data-testid="parking-lot-item">
              <input
                type="checkbox"
                checked={question.takenUp}
                disabled={!canManage}
                onChange={(event) => setTakenUp(question, event.target.checked)}
                aria-label={t('parkingLot.takenUp', { text: question.text })}
                title={canManage ? t('parkingLot.takenUpHint') : t('parkingLot.moderatorOnly')}
                data-testid="parking-lot-taken-up"
              />
              {canWrite ? (
                <InlineText
                  value={question.text}
                  label={t('parkingLot.edit')}
                  onCommit={(value) => edit(question, value)}
                  testId="parking-lot-text"
                />
              ) : (
                <span className="parking-lot-text">{question.text}</span>
              )}
              {canManage && (
                <button type="button" className="icon danger-quiet" onClick={() => remove(question)} aria-label={t('parkingLot.remove', { text: question.text })} title={t('common.delete')} data-testid="parking-lot-remove">
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
