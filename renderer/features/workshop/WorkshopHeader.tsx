import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useHeightVariable } from '../../hooks/use-height-variable';
import { isBlankText } from '../../../shared/model/plain';
import { useHost } from '../../hooks/use-host';
import { logHostError } from '../../host/host-error';
import { useErrorText } from '../../hooks/use-error-text';
import { useLive } from '../../hooks/use-live';
import { useUndoState } from '../../hooks/use-undo-state';
import { useWindowTitle } from '../../hooks/use-window-title';
import type { WorkshopSession } from '../../session/workshop-session';
import { navigate } from '../../state/route';
import { useToasts } from '../../state/toasts';
import { LanguageSwitcher } from '../common/LanguageSwitcher';
import { PlaceEditor } from './PlaceEditor';
import { SaveIndicator } from './SaveIndicator';
import { ConnectionIndicator } from '../connection/ConnectionIndicator';
import type { ConnectionState } from '../../network/connection';
import { InlineTitleEditor, useInlineEditing } from '../common/InlineTitleEditor';
import { can } from '../../../shared/roles/permissions';
import { useCommands, useRole } from '../roles/use-role';

interface WorkshopHeaderProps {
  session: WorkshopSession;
  connection: ConnectionState;
  onShowConnection(): void;
}

/** The top bar covers the page only where it is sticky (not on a phone, see styles.css). */
const isSticky = (element: HTMLElement) => getComputedStyle(element).position === 'sticky';

export function WorkshopHeader({ session, connection, onShowConnection }: WorkshopHeaderProps) {
  const { t } = useTranslation();
  const bar = useRef<HTMLElement>(null);
  useHeightVariable(bar, '--sticky-top', isSticky);
  const host = useHost();
  const errorText = useErrorText();
  const showToast = useToasts((state) => state.show);
  const meta = useLive(session.live, 'meta');
  useWindowTitle('workshop', meta.title);
  const { editing, trigger, open: startEditing, close: stopEditing } = useInlineEditing();
  const { canUndo, canRedo } = useUndoState(session.undo);
  const commands = useCommands(session.doc);
  const role = useRole();
  const renames = can(role, 'workshop.edit');

  const rename = (title: string) => {
    const result = commands.workshop.rename(title);
    return result.ok ? null : errorText(result.error);
  };

  const openProjector = async () => {
    const result = await host['projector:open']({ workshopId: session.id });
    if (!result.ok) {
      logHostError(result.error);
      showToast({ message: (t) => t('errors.projectorNotOpened'), tone: 'error' });
    }
  };

  return (
    <header className="topbar workshop-topbar" ref={bar}>
      <button type="button" className="ghost" onClick={() => navigate({ screen: 'home' })} aria-label={t('workshop.backHome')}>
        <span aria-hidden="true">←</span> <span className="back-label">{t('workshop.allWorkshops')}</span>
      </button>
      <div className="workshop-ident">
      {editing ? (
        <InlineTitleEditor
          initial={meta.title}
          label={t('home.titleLabel')}
          onSave={rename}
          onClose={stopEditing}
          className="title-form"
          inputTestId="workshop-title-input"
          showCancel={false}
          inlineError
        />
      ) : (
        <h1 className="workshop-heading">
          {!renames ? (
            <span className="title-text" title={t('roles.onlyModerator')} data-testid="workshop-heading">
              <span className="title-lines">{isBlankText(meta.title) ? t('workshop.untitled') : meta.title}</span>
            </span>
          ) : (
          <button
            type="button"
            className="title-button"
            title={t('common.rename')}
            ref={trigger}
            onClick={startEditing}
            data-testid="workshop-heading"
          >
            <span className="title-lines">{isBlankText(meta.title) ? t('workshop.untitled') : meta.title}</span>
          </button>
          )}
        </h1>
      )}
      <PlaceEditor place={meta} onSave={renames ? (place) => commands.workshop.place(place) : null} />
      </div>
      <div className="topbar-tools">
      {connection.row && (
        <span className={`badge role-badge role-${role}`} title={t(`roles.hint.${role}`)} data-testid="role-badge" data-role={role}>
          {t(`roles.name.${role}`)}
        </span>
      )}
      <ConnectionIndicator state={connection} onClick={onShowConnection} />
      <SaveIndicator saver={session.saver} />
      <div className="button-group" role="group" aria-label={t('workshop.history')}>
        <button type="button" className="icon" onClick={() => session.undo.undo()} disabled={!canUndo} title={t('workshop.undoHint')} aria-label={t('common.undo')} data-testid="undo">
          ↶
        </button>
        <button type="button" className="icon" onClick={() => session.undo.redo()} disabled={!canRedo} title={t('workshop.redoHint')} aria-label={t('common.redo')} data-testid="redo">
          ↷
        </button>
      </div>
      <button type="button" onClick={() => void openProjector()}>
        {t('workshop.projector')}
      </button>
      <LanguageSwitcher />
      </div>
    </header>
  );
}
