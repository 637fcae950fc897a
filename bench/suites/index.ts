import { board } from './board';
import { cardToDisk } from './card-to-disk';
import { dayLog, openWorkshop10000 } from './long-sessions';
import type { NodeSuiteEntry } from './node-types';
import { openWorkshop } from './open-workshop';
import { roster } from './roster';
import type { BenchSuite } from './types';

/**
 * Every benchmark of `npm run bench`, run in this order. Adding one = a BenchSuite in its own
 * file in this folder plus one entry here (peer latency etc. go here too).
 */
export const suites: readonly BenchSuite[] = [openWorkshop, cardToDisk, board, openWorkshop10000, dayLog, roster];

/**
 * Benchmarks that run in Node after the page suites (their laptops are separate processes; see
 * node-types.ts). Only names and module paths here: this file is bundled into the bench page.
 */
export const nodeSuites: readonly NodeSuiteEntry[] = [
  {
    name: 'peer-latency-2',
    description: 'addCard on one of 2 laptops (each its own Chromium, loopback) until the other has the card; baseline y-websocket relay',
    module: 'peer-latency.ts',
    export: 'peerLatency2',
  },
  {
    name: 'peer-latency-10',
    description: 'addCard on one of 10 laptops (each its own Chromium) until all 9 others have the card; baseline y-websocket relay',
    module: 'peer-latency.ts',
    export: 'peerLatency10',
  },
  {
    name: 'peer-latency-2-node',
    description: 'peer-latency-2 with Node laptops (@roamhq/wrtc, as in the sync tests); baseline y-websocket relay',
    module: 'peer-latency.ts',
    export: 'peerLatency2Node',
  },
  {
    name: 'peer-latency-10-node',
    description: 'peer-latency-10 with Node laptops (@roamhq/wrtc, as in the sync tests); baseline y-websocket relay',
    module: 'peer-latency.ts',
    export: 'peerLatency10Node',
  },
  {
    name: 'join-2000',
    description: 'a laptop joins a 2,000-card workshop: provider start until it holds every card; baseline y-websocket relay',
    module: 'join-2000.ts',
    export: 'join2000',
  },
  {
    name: 'minutes',
    description: 'minutes of a workshop with 2,000 cards, 60 participants and 200 action items in every format (minutes-md, -html, -docx, -pdf, -csv, -ics)',
    module: 'minutes.ts',
    export: 'minutesBench',
  },
  {
    name: 'participant-bundle',
    description: 'the participant page for phones as npm run build builds it: kB of gzipped JavaScript (issue 16: < 150)',
    module: 'participant-bundle.ts',
    export: 'participantBundle',
  },
  {
    name: 'phones-60',
    description:
      'a card added on one of 60 phones (participant links in the runner) until all 60 views and all 8 laptops (Node processes, the first hosting the phone hub) hold it; baseline y-websocket fan-out to 60 + 8 clients; the host laptop\'s CPU at 60 cards a second (phones-60-host-cpu); a phone\'s join in Chromium with the 2,000-card workshop (phone-join-2000)',
    module: 'phones.ts',
    export: 'phonesBench',
  },
  {
    name: 'relay-crypto-fallback',
    description: 'relay key derivation (PBKDF2, 100,000 rounds) and seal + open of 64 KiB on a page without crypto.subtle (@noble), against WebCrypto',
    module: 'relay-crypto.ts',
    export: 'relayCryptoBench',
  },
  {
    name: 'peer-latency-20',
    description: 'addCard on one of 20 laptops (each its own Node process, @roamhq/wrtc; a full mesh of 19 connections each) until all 19 others have the card; baseline y-websocket relay',
    module: 'peer-latency.ts',
    export: 'peerLatency20Node',
  },
  {
    name: 'memory-2000',
    description: "the built app in Chromium: the moderator's JS heap after GC with the 2,000-card workshop open on the board, and again after opening and closing 20 other workshops (memory-2000-after-20)",
    module: 'app-start.ts',
    export: 'appMemory',
  },
  {
    name: 'cold-start',
    description: 'the built app in a fresh Chromium, HTTP cache off: navigation until the home screen lists 50 workshops and a typed search is handled and painted; baseline the same for a bare page of the same origin reading the 50 rows from IndexedDB (cold-start-floor-idb; cold-start-floor: the rows in its script)',
    module: 'app-start.ts',
    export: 'coldStart',
  },
];
