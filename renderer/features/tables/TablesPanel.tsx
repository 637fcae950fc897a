import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { layoutBoard, tablesFrom, type Card, type LiveWorkshop, type WorkshopDoc } from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { useErrorText } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { shortenText } from '../common/shorten-text';
import { FieldError } from '../common/FieldError';
import './tables.css';
import { useTableNames } from '../../hooks/use-shown-names';
import type { Translate } from '../../state/toasts';

interface TablesPanelProps {
  live: LiveWorkshop;
  doc: WorkshopDoc;
  onOpenTable(id: string): void;
}

/** Every breakout table side by side across the full width, live, with its groups, for the moderator. */
export function TablesPanel({ live, doc, onOpenTable }: TablesPanelProps) {
  const commands = useCommands(doc);
  const { t } = useTranslation();
  const errorText = useErrorText();
  const boards = useLive(live, 'boards');
  const cards = useLive(live, 'cards');
  const groups = useLive(live, 'groups');
  const participants = useLive(live, 'participants');
  const shown = useLive(live, 'reportBack');
  const tables = useMemo(() => tablesFrom(boards, cards), [boards, cards]);
  const tableName = useTableNames(tables);
  const [name, setName] = useState('');
  const [topic, setTopic] = useState('');
  /** The refusal to show, and the field it is about (marked invalid and described by it), if any. */
  const [error, setError] = useState<{ text: string; field: 'name' | 'topic' | null } | null>(null);
  const [pendingRemove, setPendingRemove] = useState<{ id: string; name: string } | null>(null);

  const add = (event: FormEvent) => {
    event.preventDefault();
    const result = commands.tables.add({ name, topic });
    if (!result.ok) {
      // The model checks a table's name as a title; the field is labelled "Tisch", so the message names the table.
      const { code, params } = result.error;
      if (code === 'title.empty') return setError({ text: t('tables.nameEmpty'), field: 'name' });
      if (code === 'title.tooLong') return setError({ text: t('tables.nameTooLong', params ?? {}), field: 'name' });
      // The topic is the only field checked as short text.
      return setError({ text: errorText(result.error), field: code === 'text.tooLong' ? 'topic' : null });
    }
    setError(null);
    setName('');
    setTopic('');
  };

  return (
    <section className="panel tables-panel" aria-labelledby="tables-heading">
      <div className="panel-head">
        <h2 id="tables-heading">{t('tables.heading')}</h2>
        <span className="muted">{t('tables.count', { count: tables.length })}</span>
      </div>
      <form className="table-add" onSubmit={add} noValidate>
        <label className="field">
          <span>{t('tables.nameLabel')}</span>
          <input
            value={name}
            onChange={(event) => setName(event.target.value)}
            placeholder={t('tables.namePlaceholder')}
            aria-invalid={error?.field === 'name'}
            aria-describedby={error?.field === 'name' ? 'table-add-error' : undefined}
            data-testid="table-name"
          />
        </label>
        <label className="field grow">
          <span>{t('tables.topicLabel')}</span>
          <input
            value={topic}
            onChange={(event) => setTopic(event.target.value)}
            placeholder={t('tables.topicPlaceholder')}
            aria-invalid={error?.field === 'topic'}
            aria-describedby={error?.field === 'topic' ? 'table-add-error' : undefined}
            data-testid="table-topic"
          />
        </label>
        <button type="submit" className="primary" data-testid="table-add">
          {t('tables.add')}
        </button>
        <FieldError message={error?.text} id="table-add-error" testId="table-add-error" />
      </form>
      {tables.length === 0 ? (
        <p className="muted empty">{t('tables.empty')}</p>
      ) : (
        <div className="table-columns" data-testid="table-columns">
          {tables.map((table) => {
            const isShown = shown.includes(table.id);
            return (
              <article key={table.id} className="table-column" data-testid="table-column" aria-labelledby={`table-${table.id}`}>
                <header>
                  <h3 id={`table-${table.id}`}>{tableName(table.id)}</h3>
                  {table.topic && <p className="muted">{table.topic}</p>}
                  <p className="muted small">{t('board.cardCount', { count: table.cardCount })}</p>
                </header>
                <TableCards layout={layoutBoard(table.id, groups, cards)} />
                <div className="row-actions">
                  <button type="button" onClick={() => onOpenTable(table.id)} data-testid="table-open">
                    {t('tables.open')}
                  </button>
                  <button
                    type="button"
                    aria-pressed={isShown}
                    onClick={() => void (isShown ? commands.tables.hide(table.id) : commands.tables.show(table.id))}
                    data-testid="table-report-back"
                  >
                    {isShown ? t('tables.hideInPlenary') : t('tables.showInPlenary')}
                  </button>
                  {/* Rarely wanted and never in a hurry: a quiet link at the end, and a question before anything goes. */}
                  <span className="spacer" />
                  <button type="button" className="link small danger-link" onClick={() => setPendingRemove({ id: table.id, name: tableName(table.id) })} data-testid="table-delete">
                    {t('tables.remove')}
                  </button>
                </div>
              </article>
            );
          })}
        </div>
      )}
      {pendingRemove && (
        <ConfirmDialog
          title={t('tables.removeTitle')}
          message={removeMessage(t, pendingRemove.name, participants.filter((person) => person.tableId === pendingRemove.id).length)}
          confirmLabel={t('common.delete')}
          onConfirm={() => {
            commands.tables.remove(pendingRemove.id);
            setPendingRemove(null);
          }}
          onCancel={() => setPendingRemove(null)}
        />
      )}
    </section>
  );
}

/** What deleting a table takes with it: its cards, and the seats of the people there when there are any. */
export function removeMessage(t: Translate, name: string, seated: number): string {
  const message = t('tables.removeMessage', { name });
  return seated > 0 ? `${message} ${t('tables.removeSeated', { count: seated })}` : message;
}

/** A table's cards as its board has them: each group under its name, then the cards in none. */
function TableCards({ layout }: { layout: ReturnType<typeof layoutBoard<Card>> }) {
  const { t } = useTranslation();
  return (
    <div className="table-cards">
      {layout.groups.map(({ group, cards }) => (
        <section key={group.id} className="table-group" aria-label={group.title || t('groups.untitled')} data-testid="table-group">
          <h4>
            {group.title || t('groups.untitled')} <span className="muted small">· {t('board.cardCount', { count: cards.length })}</span>
          </h4>
          <MiniCards cards={cards} />
        </section>
      ))}
      {layout.loose.length > 0 && <MiniCards cards={layout.loose} />}
    </div>
  );
}

function MiniCards({ cards }: { cards: readonly Card[] }) {
  return (
    <ul className="mini-cards">
      {cards.map((card) => (
        <li key={card.id} className="mini-card" data-testid="table-card">
          {shortenText(card.text, 140).text}
        </li>
      ))}
    </ul>
  );
}
