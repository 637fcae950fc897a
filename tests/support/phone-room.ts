import {
  addAgendaItem,
  addParticipant,
  addTable,
  assignTables,
  nextItem,
  setPlenaryOpen,
  startRun,
  workshopSnapshot,
  type WorkshopDoc,
} from '../../shared/model';
import { applyPhoneCommand, phoneFromDevice, phoneRoom, phoneView, type Phone, type PhoneCommand, type PhoneView } from '../../shared/phone';
import { newWorkshop } from './workshop';

/** Commands without their id: the helpers number them, as a phone page would. */
type Bare<C> = C extends unknown ? Omit<C, 'id'> : never;
export type BareCommand = Bare<PhoneCommand>;

export const T0 = Date.UTC(2026, 11, 5, 9, 0);

/** A room: Anna (consented to be named) and Boris (not) at table A, Chris unseated; agenda with plenary then group work. */
export function phoneRoomFixture() {
  const doc = newWorkshop();
  const must = <T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T => {
    if (!result.ok) throw new Error(`fixture: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  const tableA = must(addTable(doc, { name: 'Tisch A' }));
  const tableB = must(addTable(doc, { name: 'Tisch B' }));
  const person = (name: string, consent: boolean) => must(addParticipant(doc, { name, organisation: 'Org', stakeholderGroup: '', email: `${name}@example.org`, consent }));
  const anna = person('Anna Müller', true);
  const boris = person('Boris', false);
  const chris = person('Chris', true);
  must(assignTables(doc, [
    { id: anna.id, tableId: tableA.id, fixedToTable: false },
    { id: boris.id, tableId: tableA.id, fixedToTable: false },
  ]));
  const plenaryItem = must(addAgendaItem(doc, { title: 'Ideen sammeln', durationMin: 20, kind: 'plenary' }));
  const groupItem = must(addAgendaItem(doc, { title: 'Kleingruppen', durationMin: 30, kind: 'groupWork', task: 'Was braucht der Ort?' }));
  let counter = 0;
  /** A phone of its own device id; `send` numbers its commands. */
  const phone = (deviceId: string) => {
    const identity = phoneFromDevice(deviceId);
    return {
      identity,
      send: (command: BareCommand, now = T0) => applyPhoneCommand(doc, identity, { ...command, id: `c${(counter += 1)}` } as PhoneCommand, now),
      /** Sends with a given command id: a resend. */
      sendAs: (id: string, command: BareCommand, now = T0) => applyPhoneCommand(doc, identity, { ...command, id } as PhoneCommand, now),
      view: (now = T0): PhoneView => viewOf(doc, identity, now),
    };
  };
  return {
    doc,
    tableA,
    tableB,
    anna,
    boris,
    chris,
    plenaryItem,
    groupItem,
    phone,
    must,
    openPlenary: () => must(setPlenaryOpen(doc, true)),
    closePlenary: () => must(setPlenaryOpen(doc, false)),
    /** Runs the day to the group work item. */
    startGroupWork: () => {
      must(startRun(doc, T0));
      must(nextItem(doc, T0 + 60_000));
    },
  };
}

export function viewOf(doc: WorkshopDoc, phone: Phone, now = T0): PhoneView {
  return phoneView(workshopSnapshot(doc), phoneRoom(doc), phone, now);
}
