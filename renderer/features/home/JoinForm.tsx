import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LAPTOP_NAME_MAX } from '../../../shared/protocol/laptop-name';
import { useStore } from '../../hooks/use-store';
import { useHost } from '../../hooks/use-host';
import { navigate } from '../../state/route';
import { FieldError } from '../common/FieldError';
import { preloadWorkshopScreen } from './preload-workshop';

interface Discovered {
  name: string;
  addresses: string[];
}

/**
 * A table laptop joins a workshop: the host's address (typed, picked from the sessions found on
 * the LAN, or a pasted invite) and the code. The code is checked with the host at once.
 */
export function JoinForm() {
  const { t } = useTranslation();
  const host = useHost();
  const store = useStore();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [found, setFound] = useState<Discovered[]>([]);

  useEffect(() => {
    let current = true;
    void host['discovery:list']().then((result) => current && result.ok && setFound(result.value.sessions));
    return () => {
      current = false;
    };
  }, [host]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      preloadWorkshopScreen();
      // Loaded on first use: joining brings the session and its networking with it.
      const { joinWorkshop } = await import('../../network/join');
      const result = await joinWorkshop(store, { address, code, name });
      if (!result.ok) return setError(t(`errors.${result.error}`, { max: LAPTOP_NAME_MAX }));
      navigate({ screen: 'workshop', id: result.workshopId });
    } catch (failure) {
      setError(t('errors.unexpected', { detail: failure instanceof Error ? failure.message : String(failure) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="join-form" onSubmit={(event) => void submit(event)} noValidate>
      <label className="field grow">
        <span>{t('join.addressLabel')}</span>
        <input value={address} onChange={(event) => setAddress(event.target.value)} placeholder={t('join.addressPlaceholder')} data-testid="join-address" />
      </label>
      <label className="field">
        <span>{t('join.codeLabel')}</span>
        <input value={code} onChange={(event) => setCode(event.target.value)} placeholder="ABCD-EFGH-JKMN" autoCapitalize="characters" spellCheck={false} data-testid="join-code-input" />
      </label>
      <label className="field">
        <span>{t('join.nameLabel')}</span>
        <input value={name} onChange={(event) => setName(event.target.value)} placeholder={t('join.namePlaceholder')} maxLength={LAPTOP_NAME_MAX} data-testid="join-name" />
      </label>
      <button type="submit" className="primary" disabled={busy} data-testid="join-submit">
        {busy ? t('join.checking') : t('join.submit')}
      </button>
      <FieldError message={error} testId="join-error" />
      {found.length > 0 && (
        <div className="discovered">
          <span className="muted">{t('join.discovered')}</span>
          {found.map((session) => (
            <button key={session.name} type="button" onClick={() => setAddress(session.addresses[0] ?? '')}>
              {session.name}
            </button>
          ))}
        </div>
      )}
    </form>
  );
}
