import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { tablesFrom } from '../../../shared/model';
import { useLive } from '../../hooks/use-live';
import { useUndoToast } from '../common/use-command-feedback';
import { useCan, useCommands } from '../roles/use-role';
import type { WorkshopSession } from '../../session/workshop-session';
import { AddParticipantForm } from './AddParticipantForm';
import { ImportDialog } from './ImportDialog';
import { MixPanel } from './MixPanel';
import { ParticipantRow } from './ParticipantRow';
import { StakeholderGroupsPanel } from './StakeholderGroupsPanel';
import { useGroupName } from './use-group-names';
import { useRosterCommands } from './use-roster-commands';
import './participants.css';

/** The roster: who takes part, their stakeholder groups, consent, attendance and table. */
export function ParticipantsPanel({ session }: { session: Pick<WorkshopSession, 'doc' | 'live' | 'undo'>; role?: 'host' | 'table' | null }) {
  const { t } = useTranslation();
  const { doc, live, undo } = session;
  const people = useLive(live, 'participants');
  const groups = useLive(live, 'stakeholderGroups');
  const boards = useLive(live, 'boards');
  const cards = useLive(live, 'cards');
  const meta = useLive(live, 'meta');
  const tables = useMemo(() => tablesFrom(boards, cards), [boards, cards]);
  const groupName = useGroupName(groups);
  const fileInput = useRef<HTMLInputElement>(null);
  const { remove, importing, chooseFile, cancelImport, importDone, exportCsv } = useRosterCommands(doc, undo, { people, tables, groupName, workshopTitle: meta.title });

  const present = people.filter((person) => person.attended).length;
  const commands = useCommands(doc);
  const editable = useCan('roster.edit');
  const undoToast = useUndoToast();
  const allPresent = () => {
    const absent = people.filter((person) => !person.attended).map((person) => person.id);
    const result = commands.roster.attendance(absent, true);
    if (result.ok && result.value > 0) undoToast((t) => t('participants.allPresentDone', { count: result.value }), () => void commands.roster.attendance(absent, false));
  };
  const consenting = people.filter((person) => person.consent).length;

  return (
    <div className="participants-view">
      <section className="panel roster" aria-labelledby="roster-heading">
        <div className="panel-head">
          <h2 id="roster-heading">{t('participants.heading')}</h2>
          <span className="muted" data-testid="roster-summary">
            {t('participants.count', { count: people.length })} · {t('participants.present', { count: present })} · {t('participants.consenting', { count: consenting })}
          </span>
          <div className="roster-tools">
            {editable && (
              <button type="button" onClick={allPresent} disabled={present === people.length} title={t('participants.allPresentHint')} data-testid="all-present">
                {t('participants.allPresent')}
              </button>
            )}
            <input ref={fileInput} type="file" accept=".csv,.txt,text/csv" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(event) => void chooseFile(event)} data-testid="import-file" />
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
                  <th scope="col" className="check-cell" title={t('participants.column.attendedHint')}>
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
          onCancel={cancelImport}
          onDone={importDone}
        />
      )}
    </div>
  );
}
