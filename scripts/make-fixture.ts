/**
 * Writes tests/fixtures/seed-day.plenum: the workshop of the seed report (Plattform Wiederaufbau
 * Ukraine, Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft, 6 December 2023) as Plenum would
 * have captured it: agenda with actual times, summaries and decisions, plenary ideas in groups,
 * three tables with their plans, votes, action items, participants (some absent, some without
 * consent to be named, among both), who moderated, took the minutes and receives them, next steps
 * and a follow-up date. The cards and votes are written while their agenda item runs, so the
 * minutes put them under it.
 *
 *   npx tsx scripts/make-fixture.ts [out-path]
 *
 * Built through the model's own operations, so the fixture is what the app writes; ids are new
 * on every run (tests read content, not ids). Golden files: see tests/unit/minutes-golden.test.ts.
 */
import { writeFileSync } from 'node:fs';
import {
  addActionItem,
  addAgendaItem,
  addCard,
  addParticipant,
  addTable,
  castVote,
  closeVoteRound,
  createWorkshopDoc,
  exportBackup,
  groupCards,
  initWorkshop,
  moveCardToGroup,
  openVoteRound,
  PLENARY_BOARD_ID,
  restoreBackup,
  showTableInPlenary,
  updateMeta,
  workshopSnapshot,
  type Result,
  type StakeholderGroup,
  type WorkshopDoc,
} from '../shared/model';

/** 14:00 in Berlin on the day (13:00 UTC). */
const DAY_START = Date.UTC(2023, 11, 6, 13, 0);
const minute = 60_000;

function must<T>(result: Result<T>, what: string): T {
  if (!result.ok) throw new Error(`${what}: ${result.error.code}`);
  return result.value;
}

/** `table` -1: at no table (absent). */
const PEOPLE: Array<{ name: string; organisation: string; group: StakeholderGroup; consent: boolean; table: number; attended?: false }> = [
  { name: 'Anna Becker', organisation: 'Stadtwerke Leipzig', group: 'company', consent: true, table: 0 },
  { name: 'Olena Kovalenko', organisation: 'Ukrainische Handelskammer', group: 'association', consent: true, table: 0 },
  { name: 'Jörg Müller', organisation: 'Fachverband Biogas', group: 'association', consent: true, table: 0 },
  { name: 'Mykola Shevchenko', organisation: 'Stadt Lwiw', group: 'municipality', consent: false, table: 0 },
  { name: 'Katrin Schäfer', organisation: 'GDV Versicherungsverband', group: 'association', consent: true, table: 1 },
  { name: 'Dmytro Bondarenko', organisation: 'Energoatom Consulting', group: 'company', consent: true, table: 1 },
  { name: 'Sabine Weiß', organisation: 'Bundestag, Büro MdB', group: 'politics', consent: false, table: 1 },
  { name: 'Thomas Braun', organisation: 'Braun Bau GmbH', group: 'company', consent: true, table: 1 },
  { name: 'Iryna Tkachenko', organisation: 'Netzwerk Ukrainischer Städte', group: 'municipality', consent: true, table: 2 },
  { name: 'Lukas Hoffmann', organisation: 'Stadt Freiburg', group: 'municipality', consent: true, table: 2 },
  { name: 'Maria Petrenko', organisation: 'Zivilgesellschaftliches Bündnis Wiederaufbau', group: 'civilSociety', consent: true, table: 2 },
  { name: 'Friederike Lange', organisation: 'Mittelstandsverbund', group: 'association', consent: false, table: -1, attended: false },
  { name: 'Stefan Richter', organisation: 'KfW Entwicklungsbank', group: 'other', consent: true, table: -1, attended: false },
];

const EMAIL_DOMAIN = 'beispiel.invalid';
const emailOf = (name: string) =>
  `${name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z ]/g, '')
    .replace(/ /g, '.')}@${EMAIL_DOMAIN}`;

/** The seed day as a document. */
export function seedDay(): WorkshopDoc {
  const doc = createWorkshopDoc();
  initWorkshop(doc, { id: 'seed-day', title: 'Themenkreis Nachhaltiger Wiederaufbau der Wirtschaft', language: 'de', date: '2023-12-06', timeZone: 'Europe/Berlin', now: DAY_START - 30 * 24 * 60 * minute });
  must(
    updateMeta(doc, {
      venue: 'Helix Hub, Invalidenstraße, Berlin',
      room: 'Ikigai',
      startTime: '14:00',
      moderator: 'Julia Wagner (Plattform Wiederaufbau Ukraine)',
      minuteTaker: 'Tobias Krüger (Sekretariat der Plattform)',
      distribution: 'Teilnehmende des Themenkreises, Sekretariat der Plattform Wiederaufbau Ukraine, Themenkreis Städtischer und kommunaler Wiederaufbau',
      nextSteps:
        'Die Tische arbeiten ihre Vorhaben bis Mitte Januar aus und stellen sie dem Sekretariat vor.\nInteressierte Organisationen melden sich beim Sekretariat (sekretariat@ukraine-wiederaufbauen.de).\nDie Ideen werden in der geschlossenen LinkedIn-Gruppe weitergedreht.',
      followUpDate: '2024-03-20',
    }),
    'meta',
  );

  const agenda: Array<{
    title: string;
    kind: string;
    durationMin: number;
    speaker?: string;
    notes?: string;
    task?: string;
    summary?: string;
    decisions?: string;
    late: number;
    over: number;
  }> = [
    {
      title: 'Begrüßung und Ziele der Plattform Wiederaufbau Ukraine',
      kind: 'input',
      durationMin: 15,
      speaker: 'Moderation',
      notes:
        'Die Moderation stellt die drei Ergebnisse vor, die die Plattform erzielen will:\nFach- und Dialogveranstaltungen durchführen, Netzwerktreffen online und in Präsenz organisieren und Wissensprodukte erarbeiten.',
      summary: 'Der Raum ist bis auf den letzten Platz besetzt: Unternehmen, Wirtschaftsverbände, Kommunen, Zivilgesellschaft und Politik tauschen sich akteursgruppenübergreifend aus.',
      late: 2,
      over: 0,
    },
    {
      title: 'Input aus dem Themenkreis Städtischer und kommunaler Wiederaufbau',
      kind: 'input',
      durationMin: 15,
      speaker: 'Moderation',
      notes:
        'Zitiert wird der Stadtarchitekt von Lwiw, Anton Kolomeytsev, der am Vormittag über die zahlreichen Bau- und Instandsetzungsmaßnahmen in der westukrainischen Stadt berichtet hat. Das Tempo, das dort an den Tag gelegt wird, sei beeindruckend: „Deutschland kann viel von der Ukraine lernen!“',
      summary: 'Das Tempo des Wiederaufbaus in Lwiw beeindruckt; es prägt das Motto des Nachmittags.',
      late: 0,
      over: 5,
    },
    {
      title: 'Austausch: Unterthemen und Bezüge zur Ukraine Recovery Conference 2024',
      kind: 'plenary',
      durationMin: 30,
      notes: 'Großes Potenzial in der Zusammenarbeit zwischen Kommunen und Wirtschaft.',
      summary:
        'Nach einem intensiven Austausch über relevante Unterthemen und mögliche Bezüge zur Ukraine Recovery Conference 2024 stehen drei Schwerpunkte fest: Energie, Finanzierung und Risiko, kommunale Partnerschaften.',
      decisions: 'Die Kleingruppen arbeiten an den drei Schwerpunkten Energie, Kriegsrisikoversicherung sowie Kommunen und Wirtschaft.\nDie Ergebnisse fließen in die Vorbereitung der Ukraine Recovery Conference 2024 ein.',
      late: 0,
      over: 0,
    },
    { title: 'Kaffeepause', kind: 'break', durationMin: 15, late: 0, over: -5 },
    {
      title: 'Kleingruppenarbeit',
      kind: 'groupWork',
      durationMin: 45,
      task: 'Plant ein konkretes Vorhaben für das nächste Halbjahr: Was, mit wem, bis wann?',
      summary: 'Auch hier werden schnell Nägel mit Köpfen gemacht: Jeder Tisch hat nach 55 Minuten einen Plan mit Verantwortlichen und Terminen.',
      late: 0,
      over: 10,
    },
    {
      title: 'Vorstellung der Ergebnisse',
      kind: 'reportBack',
      durationMin: 30,
      speaker: 'Sprecher*innen der Tische',
      summary:
        'Geplant sind eine Webinar-Serie rund um Energieeffizienz und Biomethan, ein Workshop zur Kriegsrisikoversicherung mit Versicherungen und Versicherungsverbänden und eine Veranstaltung, die an Praxisbeispielen zeigt, wie sich Unternehmen in kommunale Partnerschaften einbringen.',
      decisions: 'Die drei Vorhaben werden umgesetzt; jeder Tisch benennt eine verantwortliche Person.\nDas Team „Kommunen und Wirtschaft“ wird aus allen Akteursgruppen besetzt.',
      late: 0,
      over: 0,
    },
    {
      title: 'Nächste Schritte und Abschluss',
      kind: 'plenary',
      durationMin: 15,
      speaker: 'Moderation',
      notes:
        'Eine ausführliche Dokumentation wird in Kürze an die Teilnehmenden verschickt. Organisationen, die sich für eine Teilnahme an den Themenkreisen interessieren, wenden sich an sekretariat@ukraine-wiederaufbauen.de.\nDie geschlossene LinkedIn-Gruppe dient dazu, die Ideen weiterzudrehen und Erfahrungen auszutauschen.',
      decisions: 'Die Dokumentation geht bis zum 13. Dezember an alle Teilnehmenden.\nDer Themenkreis trifft sich wieder am 20. März 2024.',
      late: 0,
      over: 0,
    },
  ];
  const agendaIds: Array<{ id: string; late: number; over: number; durationMin: number }> = [];
  for (const item of agenda) {
    const added = must(
      addAgendaItem(doc, { title: item.title, kind: item.kind, durationMin: item.durationMin, speaker: item.speaker, notes: item.notes, task: item.task, summary: item.summary, decisions: item.decisions }),
      item.title,
    );
    agendaIds.push({ id: added.id, late: item.late, over: item.over, durationMin: item.durationMin });
  }

  const tables = [
    must(addTable(doc, { name: 'Webinar-Serie', topic: 'Energieeffizienz und Biomethan' }), 'table 1'),
    must(addTable(doc, { name: 'Kriegsrisikoversicherung', topic: 'Workshop mit Versicherungen und Versicherungsverbänden' }), 'table 2'),
    must(addTable(doc, { name: 'Kommunen und Wirtschaft', topic: 'Wie sich Unternehmen in kommunale Partnerschaften einbringen' }), 'table 3'),
  ];

  const people = PEOPLE.map((person) =>
    must(
      addParticipant(doc, {
        name: person.name,
        organisation: person.organisation,
        stakeholderGroup: person.group,
        email: emailOf(person.name),
        consent: person.consent,
        attended: person.attended ?? true,
        tableId: tables[person.table]?.id ?? '',
      }),
      person.name,
    ),
  );
  const person = (name: string) => {
    const found = people.find((candidate) => candidate.name === name);
    if (!found) throw new Error(name);
    return found;
  };

  let clock = DAY_START + 50 * minute;
  const card = (boardId: string, text: string, author: string | null, group: StakeholderGroup | null = null) => {
    clock += 20_000;
    return must(addCard(doc, { boardId, text, authorId: author ? person(author).id : null, stakeholderGroup: group, now: clock }), text).id;
  };

  // Plenary: the exchange on sub-topics.
  const energy = [
    card(PLENARY_BOARD_ID, 'Energieeffizienz beim Wiederaufbau von Anfang an mitdenken', 'Anna Becker', 'company'),
    card(PLENARY_BOARD_ID, 'Biomethan als Chance für eine dezentrale Energieversorgung', 'Jörg Müller', 'association'),
  ];
  const risk = [
    card(PLENARY_BOARD_ID, 'Kriegsrisiken sind für Unternehmen kaum versicherbar', 'Thomas Braun', 'company'),
    card(PLENARY_BOARD_ID, 'Förderprogramme und Garantien bündeln', 'Sabine Weiß', 'politics'),
  ];
  const cities = [
    card(PLENARY_BOARD_ID, 'Unternehmen in kommunale Partnerschaften einbinden', 'Iryna Tkachenko', 'municipality'),
    card(PLENARY_BOARD_ID, 'Praxisbeispiele aus Städtepartnerschaften sammeln', 'Mykola Shevchenko', 'municipality'),
    card(PLENARY_BOARD_ID, 'Kontakte der Kommunen für die Wirtschaft öffnen', null, null),
  ];
  const tempo = card(PLENARY_BOARD_ID, 'Deutschland kann viel von der Ukraine lernen:\nTempo und Pragmatismus beim Wiederaufbau', 'Olena Kovalenko', 'association');
  card(PLENARY_BOARD_ID, 'Bezug zur Ukraine Recovery Conference 2024 herstellen', 'Maria Petrenko', 'civilSociety');

  const energyGroup = must(groupCards(doc, { cardIds: energy, title: 'Energie' }), 'group energy');
  const riskGroup = must(groupCards(doc, { cardIds: risk, title: 'Finanzierung und Risiko' }), 'group risk');
  const citiesGroup = must(groupCards(doc, { cardIds: cities.slice(0, 2), title: 'Kommunale Partnerschaften' }), 'group cities');
  must(moveCardToGroup(doc, cities[2] ?? '', citiesGroup.id), 'move card');

  // The tables write during the small-group work (from 15:17).
  clock = DAY_START + 80 * minute;
  const [webinar, insurance, municipal] = tables.map((table) => table.id) as [string, string, string];
  // Table 1: the webinar series.
  const webinarCards = [
    card(webinar, 'Webinar-Serie rund um Energieeffizienz und Biomethan aufsetzen', 'Anna Becker', 'company'),
    card(webinar, 'Folge 1: Energieeffiziente Sanierung von Wohngebäuden', 'Jörg Müller', 'association'),
    card(webinar, 'Folge 2: Biomethan aus landwirtschaftlichen Reststoffen', 'Olena Kovalenko', 'association'),
    card(webinar, 'Ukrainische Praxispartner als Referent*innen gewinnen', 'Mykola Shevchenko', 'municipality'),
  ];
  must(groupCards(doc, { cardIds: webinarCards.slice(1, 3), title: 'Themen der ersten Folgen' }), 'group webinar');
  // Table 2: war risk insurance.
  const insuranceCards = [
    card(insurance, 'Workshop zur Kriegsrisikoversicherung mit Versicherungen und Versicherungsverbänden', 'Katrin Schäfer', 'association'),
    card(insurance, 'Bestehende Instrumente vorstellen: Investitionsgarantien, MIGA', 'Dmytro Bondarenko', 'company'),
    card(insurance, 'Erfahrungen von Unternehmen vor Ort einholen', 'Thomas Braun', 'company'),
    card(insurance, 'Politische Flankierung klären', 'Sabine Weiß', 'politics'),
  ];
  // Table 3: companies in municipal partnerships.
  const municipalCards = [
    card(municipal, 'Veranstaltung mit Praxisbeispielen: Unternehmen in kommunalen Partnerschaften', 'Lukas Hoffmann', 'municipality'),
    card(municipal, 'Team aus allen Akteursgruppen bilden', 'Iryna Tkachenko', 'municipality'),
    card(municipal, 'Partnerschaft Freiburg–Lwiw als erstes Beispiel', 'Lukas Hoffmann', 'municipality'),
    card(municipal, 'Zivilgesellschaft von Anfang an beteiligen', 'Maria Petrenko', 'civilSociety'),
  ];

  // Dot voting in the plenary, at the end of the exchange: three dots each.
  const plenaryRound = must(openVoteRound(doc, { boardId: PLENARY_BOARD_ID, budget: 3, now: DAY_START + 58 * minute }), 'round');
  const plenaryVotes: Array<[string, string]> = [
    ['Anna Becker', energyGroup.id],
    ['Anna Becker', citiesGroup.id],
    ['Anna Becker', tempo],
    ['Olena Kovalenko', citiesGroup.id],
    ['Olena Kovalenko', tempo],
    ['Olena Kovalenko', riskGroup.id],
    ['Jörg Müller', energyGroup.id],
    ['Jörg Müller', citiesGroup.id],
    ['Katrin Schäfer', riskGroup.id],
    ['Dmytro Bondarenko', energyGroup.id],
    ['Dmytro Bondarenko', riskGroup.id],
    ['Thomas Braun', riskGroup.id],
    ['Iryna Tkachenko', citiesGroup.id],
    ['Lukas Hoffmann', citiesGroup.id],
    ['Maria Petrenko', tempo],
  ];
  plenaryVotes.forEach(([voter, target], index) => must(castVote(doc, { roundId: plenaryRound.id, voterId: person(voter).id, targetId: target, now: DAY_START + 59 * minute + index * 1000 }), `vote ${index}`));
  must(closeVoteRound(doc, plenaryRound.id, DAY_START + 65 * minute), 'close');

  const insuranceRound = must(openVoteRound(doc, { boardId: insurance, budget: 2, now: DAY_START + 125 * minute }), 'table round');
  const insuranceVotes: Array<[string, string]> = [
    ['Katrin Schäfer', insuranceCards[0] ?? ''],
    ['Katrin Schäfer', insuranceCards[1] ?? ''],
    ['Dmytro Bondarenko', insuranceCards[1] ?? ''],
    ['Dmytro Bondarenko', insuranceCards[2] ?? ''],
    ['Thomas Braun', insuranceCards[0] ?? ''],
    ['Thomas Braun', insuranceCards[2] ?? ''],
    ['Sabine Weiß', insuranceCards[0] ?? ''],
  ];
  insuranceVotes.forEach(([voter, target], index) => must(castVote(doc, { roundId: insuranceRound.id, voterId: person(voter).id, targetId: target, now: DAY_START + 126 * minute + index * 1000 }), `table vote ${index}`));
  must(closeVoteRound(doc, insuranceRound.id, DAY_START + 130 * minute), 'close table');

  for (const table of tables) must(showTableInPlenary(doc, table.id), 'report back');

  // Captured in the plenary during the closing item (from 16:42).
  clock = DAY_START + 165 * minute;
  card(PLENARY_BOARD_ID, 'Erfahrungen in der geschlossenen LinkedIn-Gruppe teilen', 'Maria Petrenko', 'civilSociety');

  const actions: Array<{ title: string; owner?: string; org?: string; due: string; status: string; boardId: string | null; source?: string }> = [
    { title: 'Konzept und Termine der Webinar-Serie abstimmen', owner: 'Anna Becker', due: '2024-01-19', status: 'inProgress', boardId: webinar, source: webinarCards[0] },
    { title: 'Referent*innen für Folge 1 und 2 anfragen', owner: 'Olena Kovalenko', due: '2024-02-02', status: 'open', boardId: webinar },
    { title: 'Workshop Kriegsrisikoversicherung: Versicherer und Verbände einladen', owner: 'Katrin Schäfer', due: '2024-02-15', status: 'open', boardId: insurance, source: insuranceCards[0] },
    { title: 'Praxisbeispiele kommunaler Partnerschaften sammeln', owner: 'Mykola Shevchenko', due: '2024-01-31', status: 'open', boardId: municipal, source: municipalCards[0] },
    { title: 'Veranstaltung „Unternehmen in kommunalen Partnerschaften“ planen', owner: 'Lukas Hoffmann', due: '2024-03-15', status: 'open', boardId: municipal },
    { title: 'Ausführliche Dokumentation an die Teilnehmenden verschicken', org: 'Sekretariat der Plattform', due: '2023-12-13', status: 'done', boardId: null },
    { title: 'Ideen in der LinkedIn-Gruppe weiterdrehen', org: 'Alle Teilnehmenden', due: '', status: 'open', boardId: null },
  ];
  actions.forEach((action, index) =>
    must(
      addActionItem(doc, {
        title: action.title,
        ownerId: action.owner ? person(action.owner).id : null,
        ownerOrganisation: action.org ?? '',
        due: action.due,
        status: action.status,
        boardId: action.boardId,
        sourceCardId: action.source ?? null,
        now: DAY_START + (160 + index) * minute,
      }),
      action.title,
    ),
  );

  // Actual times: what run mode records; written into the snapshot the fixture is rebuilt from.
  const snapshot = workshopSnapshot(doc);
  let at = DAY_START;
  for (const item of snapshot.agenda) {
    const plan = agendaIds.find((entry) => entry.id === item.id);
    if (!plan) continue;
    item.actualStart = at + plan.late * minute;
    item.actualEnd = item.actualStart + (plan.durationMin + plan.over) * minute;
    at = item.actualEnd;
  }
  doc.destroy();
  return restoreBackup(snapshot);
}

const out = process.argv[2] ?? 'tests/fixtures/seed-day.plenum';
const doc = seedDay();
writeFileSync(out, exportBackup(doc, Date.UTC(2023, 11, 6, 17, 0)));
console.log(`wrote ${out}`);
