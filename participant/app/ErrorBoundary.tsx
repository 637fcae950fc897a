import { Component, type ReactNode } from 'react';
import i18next from 'i18next';

/** A screen that throws shows a sentence and a reload button, never a blank phone. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <main className="state-screen" role="alert" data-testid="phone-failed">
        <p>{i18next.t('phone.failed')}</p>
        <button type="button" className="primary" onClick={() => location.reload()}>
          {i18next.t('phone.state.reload')}
        </button>
      </main>
    );
  }
}
