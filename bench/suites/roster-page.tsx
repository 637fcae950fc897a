import { createElement } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import {
  addParticipants,
  addTable,
  createUndoHistory,
  createWorkshopDoc,
  initWorkshop,
  liveWorkshop,
  type LiveWorkshop,
  type ParticipantInput,
  STAKEHOLDER_GROUPS,
  type WorkshopDoc,
} from '../../shared/model';
import { ParticipantsPanel } from '../../renderer/features/participants/ParticipantsPanel';
import { HostContext } from '../../renderer/hooks/use-host';
import { webHost } from '../../renderer/host/web';
import { setupI18n } from '../../renderer/i18n';
import type { Series } from '../format';
import { seededRandom } from '../fixtures/texts';
import type { BenchContext } from './types';
import '../../renderer/styles.css';

/*
 * The roster of a big network conference, rendered by the real ParticipantsPanel in Chromium:
 * 5,000 participants in six stakeholder groups, 40 tables (QA, session 19: every roster action
 * took tens of seconds with 5,000 people).
 *
 * Every row is timed from the DOM event (or render()) to the first frame painted after it (a
 * frame callback plus a task, so style, layout and paint of that frame are inside), and checked:
 *  - roster-render-5000: the panel mounted on the 5,000-person workshop. Unmounted between rounds.
 *  - roster-import-5000: a 5,000-row CSV chosen in the file input until the import dialog shows
 *    its preview (roster-import-preview-5000), then "Import" until the roster shows 5,000 people.
 *  - roster-type-5000: one character typed into a person's name field.
 *  - roster-edit-5000: a changed name committed with Enter (the roster re-sorts).
 *  - roster-consent-5000: a consent box clicked; roster-consent-60 is the same on a roster of 60,
 *    the floor (a round ends in the frame after the click, so it is about one frame on any roster).
 *  - roster-seat-5000: a table chosen for a person.
 *  - roster-delete-5000, roster-add-5000: one person deleted, one added through the form.
 *  - roster-mix-5000: "Mix onto tables" with everyone, 5,000 people on 40 tables.
 */

const PEOPLE = 5000;
const FLOOR_PEOPLE = 60;
const TABLES = 40;
const RENDER_ROUNDS = 6;
const IMPORT_ROUNDS = 4;
const ACTION_ROUNDS = 15;
const MIX_ROUNDS = 8;

const FIRST = ['Jürgen', 'Änne', 'Özlem', 'Björn', 'Käthe', 'Günter', 'Lena', 'Sören', 'Олена', 'Андрій', 'Ірина', 'Юрій', 'Оксана', 'Тарас', 'Maria', 'Tobias'];
const LAST = ['Müller', 'Größe', 'Schäfer', 'Köhler', 'Strauß', 'Коваленко', 'Шевчук', 'Євтушенко', 'Гнатюк', 'Weiß', 'Jäger', 'Бондар', 'Fuchs', 'Vogel'];
const ORGS = ['Stadtwerke Süd', 'Handwerkskammer', 'Київська міська рада', 'ГО «Відкрите місто»', 'Landtag', 'Bürgerverein Nord', 'Universität', 'ТОВ «Ґрунт»'];
const GROUPS = ['Unternehmen', 'Verband', 'Kommune', 'Zivilgesellschaft', 'Politik', 'Wissenschaft'];

interface Person {
  name: string;
  organisation: string;
  group: string;
  email: string;
  consent: boolean;
}

function people(count: number): Person[] {
  const random = seededRandom(19);
  const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)] ?? '';
  return Array.from({ length: count }, (_, index) => ({
    name: `${pick(FIRST)} ${pick(LAST)} ${index + 1}`,
    organisation: pick(ORGS),
    group: pick(GROUPS),
    email: random() < 0.7 ? `person${index + 1}@example.org` : '',
    consent: random() < 0.6,
  }));
}

function emptyWorkshop(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'bench-roster', title: 'Netzwerkkonferenz', language: 'de', now: 1_750_000_000_000 });
  for (let table = 1; table <= TABLES; table += 1) {
    if (!addTable(doc, { name: `Tisch ${table}` }).ok) throw new Error('bench roster: table not added');
  }
  return doc;
}

function rosterDoc(count: number): WorkshopDoc {
  const doc = emptyWorkshop();
  const inputs: ParticipantInput[] = people(count).map((person, index) => ({
    name: person.name,
    organisation: person.organisation,
    stakeholderGroup: STAKEHOLDER_GROUPS[index % STAKEHOLDER_GROUPS.length] ?? '',
    email: person.email,
    consent: person.consent,
  }));
  if (!addParticipants(doc, inputs).ok) throw new Error('bench roster: participants not added');
  return doc;
}

function rosterCsv(count: number): string {
  const rows = people(count).map((person) => [person.name, person.organisation, person.group, person.email, person.consent ? 'ja' : 'nein'].join(';'));
  return ['Name;Organisation;Stakeholdergruppe;E-Mail;Einwilligung', ...rows].join('\r\n') + '\r\n';
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

interface Mounted {
  root: Root;
  live: LiveWorkshop;
  doc: WorkshopDoc;
}

function mount(doc: WorkshopDoc, host: HTMLElement): Mounted {
  const root = createRoot(host);
  const live = liveWorkshop(doc);
  const session = { id: 'bench', doc, live, undo: createUndoHistory(doc) };
  flushSync(() => root.render(createElement(HostContext.Provider, { value: webHost }, createElement(ParticipantsPanel, { session }))));
  return { root, live, doc };
}

function unmount({ root, live }: Mounted): void {
  root.unmount();
  live.destroy();
}

const count = (mounted: Mounted) => mounted.live.get('participants').length;

function element<T extends Element>(host: ParentNode, selector: string, what: string): T {
  const found = host.querySelector<T>(selector);
  if (!found) throw new Error(`roster bench: no ${what} (${selector})`);
  return found;
}

/** The `index`-th row in the DOM (the roster scrolled to its top). */
const row = (host: HTMLElement, index: number) => {
  const rows = host.querySelectorAll('[data-testid="participant-row"]');
  const found = rows[index % rows.length];
  if (!found) throw new Error('roster bench: no row in the DOM');
  return found;
};

/** What typing does to a controlled input: the native setter, then an input event React listens to. */
function typeInto(input: HTMLInputElement, text: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, text);
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

async function timed(action: () => void): Promise<number> {
  const start = performance.now();
  action();
  await nextFrame();
  return performance.now() - start;
}

async function measureRender(doc: WorkshopDoc, host: HTMLElement, context: BenchContext): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < RENDER_ROUNDS + 1; round += 1) {
    context.collectGarbage();
    await nextFrame();
    const start = performance.now();
    const mounted = mount(doc, host);
    await nextFrame();
    const elapsed = performance.now() - start;
    if (!host.querySelector('[data-testid="participant-row"]')) throw new Error('roster-render: no row rendered');
    if (round >= 1) samples.push(elapsed);
    unmount(mounted);
  }
  return samples;
}

async function measureImport(host: HTMLElement, context: BenchContext): Promise<{ preview: number[]; submit: number[] }> {
  const file = new File([rosterCsv(PEOPLE)], 'konferenz.csv', { type: 'text/csv' });
  const preview: number[] = [];
  const submit: number[] = [];
  for (let round = 0; round < IMPORT_ROUNDS + 1; round += 1) {
    context.collectGarbage();
    const mounted = mount(emptyWorkshop(), host);
    await nextFrame();
    const input = element<HTMLInputElement>(host, '[data-testid="import-file"]', 'file input');
    const files = new DataTransfer();
    files.items.add(file);
    input.files = files.files;
    const start = performance.now();
    input.dispatchEvent(new Event('change', { bubbles: true }));
    // The file is read asynchronously: frames until the dialog offers the import.
    for (let frame = 0; !host.querySelector('[data-testid="import-submit"]:not([disabled])'); frame += 1) {
      if (frame > 2000) throw new Error('roster-import: the dialog did not offer the import');
      await nextFrame();
    }
    const shown = performance.now() - start;
    const button = element<HTMLButtonElement>(host, '[data-testid="import-submit"]', 'import button');
    const done = await timed(() => button.click());
    if (count(mounted) !== PEOPLE || !host.querySelector('[data-testid="participant-row"]')) throw new Error(`roster-import: ${count(mounted)} people after the import`);
    if (round >= 1) {
      preview.push(shown);
      submit.push(done);
    }
    unmount(mounted);
  }
  return { preview, submit };
}

/** Each action `rounds` times on the mounted roster, after one untimed round. */
async function measureActions(doc: WorkshopDoc, host: HTMLElement, context: BenchContext, only?: 'consent'): Promise<Record<string, number[]>> {
  context.collectGarbage();
  const mounted = mount(doc, host);
  await nextFrame();
  await nextFrame();
  const samples: Record<string, number[]> = {};
  const add = (name: string, round: number, value: number) => {
    if (round > 0) (samples[name] ??= []).push(value);
  };
  const tableIds = mounted.live.get('boards').filter((board) => board.kind === 'table').map((board) => board.id);

  for (let round = 0; round <= ACTION_ROUNDS; round += 1) {
    const consent = element<HTMLInputElement>(row(host, round), '[data-testid="participant-consent"]', 'consent box');
    const before = consent.checked;
    add('consent', round, await timed(() => consent.click()));
    if (element<HTMLInputElement>(row(host, round), '[data-testid="participant-consent"]', 'consent box').checked === before) throw new Error('roster-consent: the box did not change');
  }
  if (only === 'consent') {
    unmount(mounted);
    return samples;
  }

  for (let round = 0; round <= ACTION_ROUNDS; round += 1) {
    const name = element<HTMLInputElement>(row(host, 1), '[data-testid="participant-name"]', 'name field');
    name.focus();
    add('type', round, await timed(() => typeInto(name, `${name.value}e`)));
    if (!name.value.endsWith('e')) throw new Error('roster-type: the character did not arrive');
  }
  // Leave the draft of the type rounds as it was stored.
  element<HTMLInputElement>(row(host, 1), '[data-testid="participant-name"]', 'name field').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await nextFrame();

  for (let round = 0; round <= ACTION_ROUNDS; round += 1) {
    const name = element<HTMLInputElement>(row(host, 2), '[data-testid="participant-name"]', 'name field');
    name.focus();
    const changed = `${name.value} ·`;
    typeInto(name, changed);
    await nextFrame();
    add('edit', round, await timed(() => name.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }))));
    if (!mounted.live.get('participants').some((person) => person.name === changed)) throw new Error('roster-edit: the name was not stored');
    name.blur();
  }

  for (let round = 0; round <= ACTION_ROUNDS; round += 1) {
    const select = element<HTMLSelectElement>(row(host, 3 + round), '[data-testid="participant-table"]', 'table choice');
    const tableId = tableIds[round % tableIds.length] ?? '';
    add('seat', round, await timed(() => {
      select.value = tableId;
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }));
    if (!mounted.live.get('participants').some((person) => person.tableId === tableId && person.fixedToTable)) throw new Error('roster-seat: nobody was seated');
  }

  for (let round = 0; round <= ACTION_ROUNDS; round += 1) {
    const before = count(mounted);
    const button = element<HTMLButtonElement>(row(host, 0), '[data-testid="participant-delete"]', 'delete button');
    add('delete', round, await timed(() => button.click()));
    if (count(mounted) !== before - 1) throw new Error('roster-delete: nobody was deleted');
  }

  const addName = element<HTMLInputElement>(host, '[data-testid="participant-add-name"]', 'add field');
  for (let round = 0; round <= ACTION_ROUNDS; round += 1) {
    const before = count(mounted);
    typeInto(addName, `Neue Person ${round}`);
    await nextFrame();
    const submit = element<HTMLButtonElement>(host, '[data-testid="participant-add"]', 'add button');
    add('add', round, await timed(() => submit.click()));
    if (count(mounted) !== before + 1) throw new Error('roster-add: nobody was added');
  }

  for (let round = 0; round <= MIX_ROUNDS; round += 1) {
    const button = element<HTMLButtonElement>(host, '[data-testid="mix-button"]', 'mix button');
    add('mix', round, await timed(() => button.click()));
    const seated = mounted.live.get('participants').filter((person) => person.tableId !== '').length;
    if (seated !== count(mounted)) throw new Error(`roster-mix: ${seated} of ${count(mounted)} seated`);
  }
  unmount(mounted);
  return samples;
}

/** The roster suite's body; loaded only in the bench page (it renders React and imports CSS). */
export async function runRoster(context: BenchContext): Promise<Series[]> {
  await setupI18n();
  context.log(`building the roster: ${PEOPLE} participants, ${TABLES} tables`);
  const doc = rosterDoc(PEOPLE);
  const host = document.createElement('div');
  host.style.width = '1366px';
  document.body.append(host);
  window.scrollTo(0, 0);
  context.log('roster-render-5000');
  const render = await measureRender(doc, host, context);
  context.log('roster-import-5000');
  const imported = await measureImport(host, context);
  context.log('roster actions on 5,000');
  const actions = await measureActions(doc, host, context);
  context.log('roster-consent-60: the floor');
  const floor = await measureActions(rosterDoc(FLOOR_PEOPLE), host, context, 'consent');
  host.remove();
  const action = (name: string) => actions[name] ?? [];
  const target = { metric: 'median', max: 100 } as const;
  return [
    { name: 'roster-render-5000', unit: 'ms', samples: render, target: { metric: 'median', max: 500 } },
    { name: 'roster-import-preview-5000', unit: 'ms', samples: imported.preview, target: { metric: 'median', max: 1000 } },
    { name: 'roster-import-5000', unit: 'ms', samples: imported.submit, target: { metric: 'median', max: 500 } },
    { name: 'roster-type-5000', unit: 'ms', samples: action('type'), target },
    { name: 'roster-edit-5000', unit: 'ms', samples: action('edit'), target },
    { name: 'roster-consent-5000', unit: 'ms', samples: action('consent'), target: { ...target, maxBaselineRatio: null }, baseline: 'roster-consent-60' },
    { name: 'roster-consent-60', unit: 'ms', samples: floor.consent ?? [] },
    { name: 'roster-seat-5000', unit: 'ms', samples: action('seat'), target },
    { name: 'roster-delete-5000', unit: 'ms', samples: action('delete'), target },
    { name: 'roster-add-5000', unit: 'ms', samples: action('add'), target },
    { name: 'roster-mix-5000', unit: 'ms', samples: action('mix'), target },
  ];
}
