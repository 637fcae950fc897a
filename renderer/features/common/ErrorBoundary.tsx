import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../state/route';

/*
 * Without a boundary React unmounts the whole tree on a render error: one panel that meets data
 * it cannot show would blank the window in front of the room. Each screen and panel sits in one
 * of these, so a failure stays in its corner with a message and a way back.
 */

interface ErrorBoundaryProps {
  /** Which part of the app this guards: the log line and the fallback's test id name it. */
  area: string;
  /** Offer "back to all workshops" (not on the home screen itself, nor in the projector window). */
  backHome?: boolean;
  /** 'screen' fills the window; 'panel' stays the size of the panel it replaces. */
  size?: 'screen' | 'panel';
  /** The fallback's element: 'li' where the guarded part is an item of a list. */
  as?: 'section' | 'li';
  /** A change of this (another table, another projector view) clears a failure: the new content gets its chance. */
  resetKey?: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: Error | null;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null };

  static getDerivedStateFromError(thrown: unknown): ErrorBoundaryState {
    return { error: thrown instanceof Error ? thrown : new Error(String(thrown)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The one trace a moderator can send us: what failed, where, and the components around it.
    console.error(`Plenum: "${this.props.area}" failed to render`, error, info.componentStack ?? '');
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.error && previous.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  private readonly retry = () => this.setState({ error: null });

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const { area, size = 'panel', backHome = false, as = 'section' } = this.props;
    return <ErrorFallback area={area} error={error} size={size} backHome={backHome} as={as} onRetry={this.retry} />;
  }
}

interface FallbackProps {
  area: string;
  error: Error;
  size: 'screen' | 'panel';
  backHome: boolean;
  as: 'section' | 'li';
  onRetry(): void;
}

function ErrorFallback({ area, error, size, backHome, as: Tag, onRetry }: FallbackProps) {
  const { t } = useTranslation();
  return (
    <Tag className={size === 'screen' ? 'screen-message error-fallback' : 'panel error-fallback'} role="alert" data-testid="error-fallback" data-area={area}>
      <h2>{t('failure.title')}</h2>
      <p>{t('failure.text')}</p>
      <details>
        <summary>{t('failure.detail')}</summary>
        <pre className="error-fallback-detail">{error.message}</pre>
      </details>
      <div className="error-fallback-actions">
        <button type="button" className="primary" onClick={onRetry} data-testid="error-retry">
          {t('failure.retry')}
        </button>
        {backHome && (
          <button type="button" onClick={() => navigate({ screen: 'home' })} data-testid="error-back-home">
            {t('workshop.backHome')}
          </button>
        )}
      </div>
    </Tag>
  );
}
