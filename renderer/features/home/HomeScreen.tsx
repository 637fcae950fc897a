import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../shared/model';
import { useStore } from '../../hooks/use-store';
import { useErrorText } from '../../hooks/use-error-text';
import type { WorkshopList } from '../../storage/workshop-store';
import { navigate } from '../../state/route';
import { useToasts } from '../../state/toasts';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { LanguageSwitcher } from '../common/LanguageSwitcher';
import { ImportBackup } from './ImportBackup';
import { JoinForm } from './JoinForm';
import { NewWorkshopForm } from './NewWorkshopForm';
import { WorkshopRow } from './WorkshopRow';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { createWorkshop, duplicateWorkshop, renameWorkshop } from '../../session/workshop-library';

/** The list of workshops on this laptop: create, search, open, rename, duplicate, delete. */
export function HomeScreen() {
  const { t, i18n } = useTranslation();
  const store = useStore();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const [list, setList] = useState<WorkshopList | null>(null);
  const [query, setQuery] = useState('');
  const [pendingDelete, setPendingDelete] = useState<{ id: string; title: string } | null>(null);

  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => {
    let current = true;
    store.listWorkshops().then(
      (next) => current && setList(next),
      (error: unknown) => current && showToast({ message: errorText(error), tone: 'error' }),
    );
    return () => {
      current = false;
    };
    // errorText follows the language; a language switch need not reload the list.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store, version, showToast]);

  const visible = useMemo(() => {
    const needle = query.trim().toLocaleLowerCase();
    const rows = list?.workshops ?? [];
    return needle ? rows.filter((row) => row.title.toLocaleLowerCase().includes(needle)) : rows;
  }, [list, query]);

  const report = (error: unknown) => showToast({ message: errorText(error), tone: 'error' });

  const onCreate = async (title: string, date: string) => {
    const result = await createWorkshop(store, title, i18n.language as Language, date);
    if (!result.ok) return errorText(result.error);
    navigate({ screen: 'workshop', id: result.value });
    return null;
  };

  const onRename = async (id: string, title: string) => {
    try {
      const result = await renameWorkshop(store, id, title);
      if (!result.ok) return errorText(result.error);
      reload();
      return null;
    } catch (error) {
      return errorText(error);
    }
  };

  const onDuplicate = async (id: string, title: string) => {
    try {
      await duplicateWorkshop(store, id, t('home.copyOf', { title }));
      reload();
      showToast({ message: t('home.duplicated', { title }), tone: 'info' });
    } catch (error) {
      report(error);
    }
  };

  const onDelete = async (id: string, title: string) => {
    setPendingDelete(null);
    try {
      await store.markDeleted(id);
      reload();
      showToast(
        {
          message: t('home.deleted', { title }),
          tone: 'info',
          action: { label: t('common.undo'), run: () => void store.restoreWorkshop(id).then(reload, report) },
        },
        10_000,
      );
    } catch (error) {
      report(error);
    }
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
                  <WorkshopRow row={row} onRename={onRename} onDuplicate={onDuplicate} onDelete={(id, title) => setPendingDelete({ id, title })} />
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
      </main>
      {pendingDelete && (
        <ConfirmDialog
          title={t('home.deleteTitle')}
          message={t('home.deleteMessage', { title: pendingDelete.title })}
          confirmLabel={t('common.delete')}
          onConfirm={() => void onDelete(pendingDelete.id, pendingDelete.title)}
          onCancel={() => setPendingDelete(null)}
        />
      )}
    </div>
  );
}
