import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommandAnswer, PhoneLink } from '../../shared/phone/client';
import { Actions } from './Actions';
import { Board } from './Board';
import { settleDraft } from './draft';
import { followWorkshopLanguage } from './i18n';
import { LanguageSwitch } from './LanguageSwitch';
import { NamePicker } from './NamePicker';
import { RoomContext, type Room } from './room';
import { Results } from './Results';
import { RunItem } from './RunItem';
import { StateBanner, StateScreen } from './StateScreens';
import { useLink } from './use-link';

/**
 * The participant page: the room's state as the link reports it, and what the moderator's laptop
 * last showed this phone. A page that lost the room keeps its last view on screen, marked as
 * possibly out of date, so a person reading a card is not thrown out mid-sentence.
 */
export function App({ link }: { link: PhoneLink }) {
  const { t } = useTranslation();
  const listeners = useRef(new Set<(answer: CommandAnswer) => void>());
  const [said, setSaid] = useState<{ text: string; tone: 'ok' | 'error'; at: number } | null>(null);
  const [picking, setPicking] = useState(false);
  // A confirmation goes after a few seconds, a refusal stays longer: it says what to do.
  useEffect(() => {
    if (!said) return undefined;
    const timer = window.setTimeout(() => setSaid(null), said.tone === 'ok' ? 4000 : 12_000);
    return () => window.clearTimeout(timer);
  }, [said]);

  const room = useMemo<Room>(
    () => ({
      link,
      send: (command) => link.send(command),
      listen(listener) {
        listeners.current.add(listener);
        return () => listeners.current.delete(listener);
      },
      announce: (text, tone) => setSaid({ text, tone, at: Date.now() }),
    }),
    [link],
  );

  const onAnswer = useCallback(
    (answer: CommandAnswer) => {
      settleDraft(answer);
      // The name picker asks about a name another phone has, in place of a refusal at the bottom.
      if (!answer.ok && answer.refusal.code !== 'nameTaken') room.announce(t(`phone.refused.${answer.refusal.code}`, answer.refusal.params ?? {}), 'error');
      for (const listener of listeners.current) listener(answer);
    },
    [room, t],
  );
  useLink(link, onAnswer);

  const { state, view } = link;
  const workshopLanguage = view?.workshop.language;
  useEffect(() => {
    if (workshopLanguage) void followWorkshopLanguage(workshopLanguage);
  }, [workshopLanguage]);

  const naming = view !== null && (!view.me || picking);
  // The picker opened from "Change name" is a step of its own in the browser's history: the
  // phone's Back closes it, as people expect, instead of leaving the room's page.
  const openPicker = () => {
    history.pushState({ plenumPicker: true }, '');
    setPicking(true);
  };
  const leavePicker = () => {
    setPicking(false);
    if ((history.state as { plenumPicker?: boolean } | null)?.plenumPicker) history.back();
  };
  useEffect(() => {
    const closed = () => setPicking(false);
    window.addEventListener('popstate', closed);
    return () => window.removeEventListener('popstate', closed);
  }, []);
  // Out of the name picker (once the laptop's view names the person), a screen reader goes on at
  // what is happening now, not at the page's top.
  const wasNaming = useRef(false);
  useEffect(() => {
    if (wasNaming.current && !naming) document.getElementById('run-heading')?.focus();
    wasNaming.current = naming;
  }, [naming]);

  if (state.kind === 'wrongCode') return <StateScreen state={state} />;
  if (!view) return <StateScreen state={state} />;

  const stale = state.kind !== 'online';
  return (
    <RoomContext.Provider value={room}>
      <header className="top">
        <p className="workshop-title">{view.workshop.title || 'Plenum'}</p>
        <LanguageSwitch />
      </header>
      {stale && <StateBanner state={state} />}
      {/* A tap takes it away: it covers the buttons of the card just tapped (a screen reader has read it; a keyboard reaches what is under it). */}
      <p className={`said ${said?.tone ?? ''}`} role="status" aria-live="polite" onClick={() => setSaid(null)} data-testid="phone-said">
        {said?.text ?? ''}
      </p>
      <main className={stale ? 'stale' : undefined} data-testid="phone-main" data-stale={stale}>
        {view.me && !naming && (
          <p className="me">
            <span>{t('phone.me.you', { name: view.me.name || t('phone.unnamedPerson') })}</span>
            <button type="button" className="link-button" onClick={openPicker}>
              {t('phone.me.change')}
            </button>
          </p>
        )}
        {naming ? (
          <NamePicker view={view} onDone={leavePicker} onBack={view.me ? leavePicker : null} />
        ) : (
          <>
            <RunItem view={view} clockOffsetMs={link.clockOffsetMs} />
            <Results results={view.results} />
            <Board view={view} pending={link.pending} />
            <Actions actions={view.actions} />
          </>
        )}
      </main>
    </RoomContext.Provider>
  );
}
