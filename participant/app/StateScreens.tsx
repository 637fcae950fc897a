import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhoneLinkState } from '../../shared/phone/client';
import { LanguageSwitch } from './LanguageSwitch';

/** A time of day in the page's language ("14:05"). */
function timeOfDay(ms: number, language: string): string {
  return new Date(ms).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}

/** What the link's state means for the person, in one sentence; '' when online. */
function useStateText(state: PhoneLinkState): string {
  const { t, i18n } = useTranslation();
  switch (state.kind) {
    case 'connecting':
      return t('phone.state.connecting');
    case 'wrongCode':
      return t('phone.state.wrongCodeText');
    case 'refused':
      return t(state.reason === 'room-full' ? 'phone.state.refusedRoomFull' : 'phone.state.refusedRateLimited');
    case 'waitingForHost':
      return t('phone.state.waitingForHost');
    case 'lost':
      return t('phone.state.lost', { time: timeOfDay(state.since, i18n.language) });
    case 'versionMismatch':
      return t('phone.state.versionMismatchText');
    case 'online':
      return '';
  }
}

/**
 * The whole page while there is nothing of the room to show: connecting, a wrong code, refused,
 * or lost before the first view. The heading takes the focus, so a screen reader starts there.
 */
export function StateScreen({ state }: { state: PhoneLinkState }) {
  const { t } = useTranslation();
  const text = useStateText(state);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [state.kind]);
  const noCode = state.kind === 'wrongCode' && location.hash.length <= 1;
  const title =
    noCode
      ? t('phone.state.noCodeTitle')
      : state.kind === 'wrongCode'
      ? t('phone.state.wrongCodeTitle')
      : state.kind === 'refused'
        ? t('phone.state.refusedTitle')
        : state.kind === 'versionMismatch'
          ? t('phone.state.versionMismatchTitle')
          : 'Plenum';
  return (
    <>
      <header className="top">
        <p className="workshop-title">Plenum</p>
        <LanguageSwitch />
      </header>
      <main className={`state-screen state-${state.kind}`} data-testid="phone-state" data-state={state.kind}>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <p role={state.kind === 'wrongCode' || state.kind === 'versionMismatch' ? 'alert' : 'status'}>{noCode ? t('phone.state.noCodeText') : text}</p>
        {state.kind === 'connecting' || state.kind === 'lost' ? <div className="spinner" aria-hidden="true" /> : null}
        {state.kind === 'wrongCode' && (
          <button type="button" className="secondary" onClick={() => location.reload()}>
            {t('phone.state.reload')}
          </button>
        )}
      </main>
    </>
  );
}

/** Above the last view while the page is not online: what happened, and that the view may be old. */
export function StateBanner({ state }: { state: PhoneLinkState }) {
  const { t } = useTranslation();
  const text = useStateText(state);
  return (
    <>
      {/* Only the headline stays in sight while scrolling: with its note it took a third of a small phone's screen. */}
      <div className={`banner banner-${state.kind}`} role="status" data-testid="phone-banner" data-state={state.kind}>
        <p>{text}</p>
      </div>
      <p className="banner-note">{t(state.kind === 'lost' ? 'phone.state.sendsLater' : 'phone.state.stale')}</p>
    </>
  );
}
