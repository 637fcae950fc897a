import { useCallback, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { tablesFrom, type Participant } from '../../../shared/model';
import { useCommands } from '../roles/use-role';
import { useLive } from '../../hooks/use-live';
import { useHost } from '../../hooks/use-host';
import type { WorkshopSession } from '../../session/workshop-session';
import { useToasts } from '../../state/toasts';
import { AddParticipantForm } from './AddParticipantForm';
import { ImportDialog } from './ImportDialog';
import { MixPanel } from './MixPanel';
import { ParticipantRow } from './ParticipantRow';
import { rosterFile } from './roster-export';
import { StakeholderGroupsPanel } from './StakeholderGroupsPanel';
import { useGroupName } from './use-group-names';
import './participants.css';

/** Files larger than this are not a roster: refuse before decoding megabytes in the UI thread. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** The roster: who takes part, their stakeholder groups, consent, attendance and table. */
export function ParticipantsPanel({ session }: { session: WorkshopSession; role?: 'host' | 'table' | null }) {
  const { t, i18n } = useTranslation();
  const host = useHost();
  const showToast = useToasts((state) => state.show);
  const { doc, live, undo } = session;
  const commands = useCommands(doc);
  const people = useLive(live, 'participants');
  const groups = useLive(live, 'stakeholderGroups');
  const boards = useLive(live, 'boards');
  const cards = useLive(live, 'cards');
  const meta = useLive(live, 'meta');
  const tables = useMemo(() => tablesFrom(boards, cards), [boards, cards]);
  const groupName = useGroupName(groups);
  const fileInput = useRef<HTMLInputElement>(null);
  const [importing, setImporting] = useState<{ fileName: string; bytes: Uint8Array } | null>(null);

  const present = people.filter((person) => person.attended).length;
  const consenting = people.filter((person) => person.consent).length;

  // Stable, so the memoised rows do not all re-render when one changes.
  const remove = useCallback(
    (person: Participant) => {
      if (!commands.roster.remove(person.id).ok) return;
      showToast({
        message: t('participants.deleted', { name: person.name }),
        tone: 'info',
        action: { label: t('common.undo'), run: () => void commands.roster.restore(person) },
      });
    },
    [commands, showToast, t],
  );

  const chooseFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // The same file chosen again after a cancel must fire a change too.
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return showToast({ message: t('participants.import.tooLarge', { name: file.name }), tone: 'error' });
    try {
      setImporting({ fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    } catch {
      showToast({ message: t('participants.import.unreadableFile', { name: file.name }), tone: 'error' });
    }
  };

  const exportCsv = async () => {
    const file = rosterFile(people, tables, groupName, meta.title, t, i18n.language);
    const saved = await host['file:save']({ ...file, mimeType: 'text/csv;charset=utf-8' });
    if (!saved.ok) showToast({ message: t('participants.export.failed', { detail: saved.error }), tone: 'error' });
    else if (saved.value.saved) showToast({ message: t('participants.export.saved', { count: people.length }), tone: 'info' });
  };

  return (
    <div className="participants-view">
      <section className="panel roster" aria-labelledby="roster-heading">
        <div className="panel-head">
          <h2 id="roster-heading">{t('participants.heading')}</h2>
          <span className="muted" data-testid="roster-summary">
            {t('participants.count', { count: people.length })} · {t('participants.present', { count: present })} · {t('participants.consenting', { count: consenting })}
          </span>
          <div className="roster-tools">
            <input ref={fileInput} type="file" accept=".csv,.txt,text/csv" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={chooseFile} data-testid="import-file" />
            <button type="button" onClick={() => fileInput.current?.click()} data-testid="import-button">
              {t('participants.import.button')}
            </button>
            <button type="button" onClick={() => void exportCsv()} disabled={people.length === 0} data-testid="export-button">
              {t('participants.export.button')}
            </button>
          </div>
        </div>
        <AddParticipantForm doc={doc} groups={groups} groupName={groupName} />
        {people.length === 0 ? (
          <p className="muted empty">{t('participants.empty')}</p>
        ) : (
          <div className="roster-scroll">
            <table className="roster-table" data-testid="roster">
              <thead>
                <tr>
                  <th scope="col">{t('participants.column.name')}</th>
                  <th scope="col">{t('participants.column.organisation')}</th>
                  <th scope="col">{t('participants.column.group')}</th>
                  <th scope="col">{t('participants.column.email')}</th>
                  <th scope="col" className="check-cell" title={t('participants.column.consentHint')}>
                    {t('participants.column.consent')}
                  </th>
                  <th scope="col" className="check-cell">
                    {t('participants.column.attended')}
                  </th>
                  <th scope="col">{t('participants.column.table')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('participants.delete')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {people.map((person) => (
                  <ParticipantRow key={person.id} person={person} doc={doc} groups={groups} tables={tables} groupName={groupName} onRemove={remove} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="participants-side">
        <MixPanel doc={doc} undo={undo} people={people} tables={tables} groupName={groupName} />
        <StakeholderGroupsPanel doc={doc} groups={groups} groupName={groupName} />
      </div>
      {importing && (
        <ImportDialog
          {...importing}
          doc={doc}
          people={people}
          groups={groups}
          groupName={groupName}
          onCancel={() => setImporting(null)}
          onDone={(count) => {
            setImporting(null);
            showToast({ message: t('participants.import.done', { count }), tone: 'info', action: { label: t('common.undo'), run: () => undo.undo() } });
          }}
        />
      )}
    </div>
  );
}
