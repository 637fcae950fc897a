import { useTranslation } from 'react-i18next';
import type { PhoneView } from '../../shared/phone/protocol';

/** A due date (YYYY-MM-DD) in the page's language; as written when it is not one. */
function dueDate(due: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (!match) return due;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString(language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The person's own action items: what they took on, by when, and how far it is. */
export function Actions({ actions }: { actions: PhoneView['actions'] }) {
  const { t, i18n } = useTranslation();
  if (actions.length === 0) return null;
  return (
    <section className="actions" aria-labelledby="actions-heading" data-testid="phone-actions">
      <h2 id="actions-heading" className="section-label">
        {t('phone.actions.heading')}
      </h2>
      <ul>
        {actions.map((action) => (
          <li key={action.id} className={`action status-${action.status}`}>
            <p className="action-title">{action.title}</p>
            <p className="action-meta">
              <span className="status">{t(`actions.status.${action.status}`)}</span>
              {action.due && <span>{t('phone.actions.due', { date: dueDate(action.due, i18n.language) })}</span>}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
