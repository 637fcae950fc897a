import '../../../participant/phone.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../../../participant/app/App';
import { setupPhoneI18n } from '../../../participant/app/i18n';
import type { CommandAnswer, PendingCommand, PhoneCommandInput, PhoneLink, PhoneLinkState } from '../../../shared/phone/client';
import type { PhoneView } from '../../../shared/phone/protocol';

/*
 * Test-only: the participant page's screens (participant/app, exactly as shipped) on a link the
 * spec controls, built by tests/e2e/phone-page.spec.ts into test-results/ and never into
 * dist/participant. The spec plays the room: it sets the state and view, reads what the page
 * sent and answers it as the moderator's laptop would.
 */

export interface PhoneFake {
  setState(state: PhoneLinkState): void;
  setView(view: PhoneView | null): void;
  /** Commands the page sent, oldest first. */
  sent: PendingCommand[];
  answer(answer: CommandAnswer): void;
}

const listeners = new Set<(answer?: CommandAnswer) => void>();
const notify = (answer?: CommandAnswer) => {
  for (const listener of listeners) listener(answer);
};
let counter = 0;

const link: PhoneLink & { state: PhoneLinkState; view: PhoneView | null; pending: PendingCommand[] } = {
  state: { kind: 'connecting' },
  view: null,
  pending: [],
  clockOffsetMs: 0,
  send(command: PhoneCommandInput) {
    counter += 1;
    const entry = { id: `c${counter}`, command, at: Date.now() };
    link.pending = [...link.pending, entry];
    fake.sent.push(entry);
    notify();
    return entry.id;
  },
  subscribe(listener) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  close() {},
};

const fake: PhoneFake = {
  setState(state) {
    link.state = state;
    notify();
  },
  setView(view) {
    link.view = view;
    notify();
  },
  sent: [],
  answer(answer) {
    link.pending = link.pending.filter((entry) => entry.id !== answer.id);
    notify(answer);
  },
};
(window as unknown as { phoneFake: PhoneFake }).phoneFake = fake;

await setupPhoneI18n();
const container = document.getElementById('root');
if (container)
  createRoot(container).render(
    <StrictMode>
      <App link={link} />
    </StrictMode>,
  );
