import { useEffect, useMemo, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { LanguageSwitcher } from '../common/LanguageSwitcher';
import { ImportBackup } from './ImportBackup';
import { JoinForm } from './JoinForm';
import { NewWorkshopForm } from './NewWorkshopForm';
import { WorkshopRow, type WorkshopRowLabels } from './WorkshopRow';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { useWindowTitle } from '../../hooks/use-window-title';
import { useUiLocale } from '../../hooks/use-ui-locale';
import { useWorkshopCommands } from './use-workshop-commands';
import { filterWorkshops, useWorkshopList } from './use-workshop-list';
import type { WorkshopList } from '../../storage/workshop-store';

interface HomeScreenProps {
  /** Called once the list has been read: the start is done, the app may load what comes next. */
  onListShown?: () => void;
}

/** The list of workshops on this laptop: create, search, open, rename, duplicate, delete. */
export function HomeScreen({ onListShown }: HomeScreenProps = {}) {
  const { t } = useTranslation();
  const [pendingDelete, setPendingDelete] = useState<{ id: string; title: string } | null>(null);
  const { list, reload } = useWorkshopList();
  const { onCreate, onRename, onDuplicate, onDelete } = useWorkshopCommands(reload);
  const locale = useUiLocale();
  // One formatter for every row's last change: building an Intl.DateTimeFormat costs about a
  // millisecond (ICU), and one per row was most of the first render of a 50-workshop list. Built
  // again with every read of the list, so a changed time zone shows with the next read (it showed with
  // the next render before; the list is read again on every change and on coming home).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- list: rebuilt per read, see above
  const changedFormat = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }), [locale, list]);
  useWindowTitle('home');
  const listShown = list !== null;
  useEffect(() => {
    if (listShown) onListShown?.();
  }, [listShown, onListShown]);

  const confirmDelete = (id: string, title: string) => {
    setPendingDelete(null);
    void onDelete(id, title);
  };

  return (
    <div className="screen home">
      <header className="topbar">
        <h1 className="brand">Plenum</h1>
        <span className="topbar-spacer" />
        <LanguageSwitcher />
      </header>
      <main className="home-main">
        <section className="panel" aria-labelledby="new-workshop-heading">
          <h2 id="new-workshop-heading">{t('home.newWorkshop')}</h2>
          <ErrorBoundary area="new-workshop">
            <NewWorkshopForm onCreate={onCreate} />
            <ImportBackup />
          </ErrorBoundary>
        </section>
        <section className="panel" aria-labelledby="join-heading">
          <h2 id="join-heading">{t('join.heading')}</h2>
          <ErrorBoundary area="join">
            <JoinForm />
          </ErrorBoundary>
        </section>
        <WorkshopsPanel
          list={list}
          onRename={onRename}
          onDuplicate={onDuplicate}
          onDelete={(id, title) => setPendingDelete({ id, title })}
          changedFormat={changedFormat}
          t={t}
          locale={locale}
        />
      </main>
      {pendingDelete && (
        <ConfirmDialog
          title={t('home.deleteTitle')}
          message={t('home.deleteMessage', { title: pendingDelete.title })}
          confirmLabel={t('common.delete')}
          onConfirm={() => confirmDelete(pendingDelete.id, pendingDelete.title)}
          onCancel={() => setPendingDelete(null)}
        />
      )}
    </div>
  );
}

interface WorkshopsPanelProps {
  list: WorkshopList | null;
  onRename(id: string, title: string): Promise<string | null>;
  onDuplicate(id: string, title: string): void;
  onDelete(id: string, title: string): void;
  changedFormat: Intl.DateTimeFormat;
  t: TFunction;
  locale: string;
}

/**
 * The search and the list. The search's text is this panel's state, not the screen's: a search
 * then renders the list alone, not also the forms beside it (their fields, the date field, the
 * language switcher: a third of the search's render on a cold start, docs/performance.md).
 */
function WorkshopsPanel({ list, onRename, onDuplicate, onDelete, changedFormat, t, locale }: WorkshopsPanelProps) {
  const [query, setQuery] = useState('');
  const visible = useMemo(() => filterWorkshops(list, query), [list, query]);
  // Looked up once per list, not in each of 50 rows.
  const labels = useMemo<WorkshopRowLabels>(
    () => ({ rename: t('common.rename'), duplicate: t('home.duplicate'), duplicateHint: t('home.duplicateHint'), delete: t('common.delete') }),
    [t],
  );
  return (
    <section className="panel" aria-labelledby="workshops-heading">
      <div className="panel-head">
        <h2 id="workshops-heading">{t('home.workshops')}</h2>
        <input
          type="search"
          className="search"
          placeholder={t('home.search')}
          aria-label={t('home.search')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          data-testid="workshop-search"
        />
      </div>
      {list === null ? (
        <p className="muted">{t('common.loading')}</p>
      ) : visible.length === 0 && list.damaged.length === 0 ? (
        <p className="muted empty">{query ? t('home.noMatch') : t('home.empty')}</p>
      ) : (
        <ul className="workshop-list" data-testid="workshop-list">
          {visible.map((row) => (
            // One row that cannot be shown must not hide the others (a backup's odd data).
            <ErrorBoundary key={row.id} area="workshop-row" as="li">
              <WorkshopRow row={row} onRename={onRename} onDuplicate={onDuplicate} onDelete={onDelete} changedFormat={changedFormat} t={t} labels={labels} locale={locale} />
            </ErrorBoundary>
          ))}
          {list.damaged.map((row) => (
            <li key={row.id} className="workshop-row damaged" data-testid="workshop-damaged">
              <div className="workshop-row-main">
                <span className="workshop-title">{row.title || row.id}</span>
                <span className="warning">{t('home.damaged')}</span>
              </div>
              <details>
                <summary>{t('home.damagedDetails')}</summary>
                <code>{row.reason}</code>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
