import { useMemo, useRef, useState, type FocusEvent } from 'react';
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
import { rowSlices, WINDOW_FROM } from './row-window';
import { StakeholderGroupsPanel } from './StakeholderGroupsPanel';
import { useGroupName } from './use-group-names';
import { useRosterCommands } from './use-roster-commands';
import { useRowWindow } from './use-row-window';
import './participants.css';

/** The roster: who takes part, their stakeholder groups, consent, attendance and table. */
export function ParticipantsPanel({ session }: { session: Pick<WorkshopSession, 'doc' | 'live' | 'undo'>; role?: 'host' | 'table' | null }) {
  const { t } = useTranslation();
  const { doc, live, undo } = session;
  const people = useLive(live, 'participants');
  const groups = useLive(live, 'stakeholderGroups');
  const boards = useLive(live, 'boards');
  const meta = useLive(live, 'meta');
  // The roster names and seats tables and counts no cards: read with the cards, every card added
  // on any board made a new list of tables and re-rendered every row.
  const tables = useMemo(() => tablesFrom(boards, []), [boards]);
  const groupName = useGroupName(groups);
  const fileInput = useRef<HTMLInputElement>(null);
  const { remove, importing, chooseFile, cancelImport, importDone, exportCsv } = useRosterCommands(doc, undo, { people, tables, groupName, workshop: meta });

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

  const { body, range, rowHeight } = useRowWindow<HTMLTableSectionElement>(people);
  // The row holding the focus stays in the page while scrolled away: its edit is neither lost nor blurred.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const focusedIndex = focusedId === null ? -1 : people.findIndex((person) => person.id === focusedId);
  const slices = rowSlices(people.length, range, focusedIndex < 0 ? null : focusedIndex);
  const windowed = people.length > WINDOW_FROM;
  const onFocus = (event: FocusEvent) => setFocusedId(event.target.closest<HTMLElement>('[data-row]')?.dataset.row ?? null);
  const onBlur = (event: FocusEvent) => {
    // Focus gone to another window keeps the row: it comes back there.
    if (event.relatedTarget instanceof Node && !body.current?.contains(event.relatedTarget)) setFocusedId(null);
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
            {/* A long roster renders the rows near the viewport: the table tells how many there are, each row its place. */}
            <table className="roster-table" data-testid="roster" aria-rowcount={windowed ? people.length + 1 : undefined}>
              <thead>
                <tr aria-rowindex={windowed ? 1 : undefined}>
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
              <tbody ref={body} onFocus={onFocus} onBlur={onBlur}>
                {/* One flat list keyed by person: a spacer appearing above must not remount the rows (and drop the focus). */}
                {slices.flatMap((slice, index) =>
                  slice.kind === 'gap'
                    ? [
                        <tr key={`gap-${index}`} className="roster-gap" aria-hidden="true" data-testid="roster-gap">
                          <td colSpan={8} style={{ height: `${slice.rows * rowHeight}px` }} />
                        </tr>,
                      ]
                    : people.slice(slice.start, slice.end).map((person, offset) => (
                        <ParticipantRow
                          key={person.id}
                          person={person}
                          rowIndex={windowed ? slice.start + offset + 2 : undefined}
                          doc={doc}
                          groups={groups}
                          tables={tables}
                          groupName={groupName}
                          onRemove={remove}
                        />
                      )),
                )}
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
