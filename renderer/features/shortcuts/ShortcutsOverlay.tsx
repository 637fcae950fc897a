import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/roles/permissions';
import { useRole } from '../roles/use-role';
import { SHORTCUT_GROUPS, SHORTCUTS } from './shortcut-list';
import { showKeys } from './key-names';
import './shortcuts.css';

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** "?" shows every shortcut; "/" jumps to the board's search. Neither fires while typing. */
export function ShortcutsOverlay() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const role = useRole();
  const shown = SHORTCUTS.filter((shortcut) => !shortcut.needs || can(role, shortcut.needs));
  const groups = SHORTCUT_GROUPS.filter((group) => shown.some((shortcut) => shortcut.group === group));

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '?') {
        event.preventDefault();
        setOpen(true);
      } else if (event.key === '/') {
        const search = document.querySelector<HTMLInputElement>('[data-shortcut="search"]');
        if (!search) return;
        event.preventDefault();
        search.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="shortcuts" aria-labelledby="shortcuts-title" onClose={() => setOpen(false)} data-testid="shortcuts">
      <div className="shortcuts-head">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <button type="button" onClick={() => setOpen(false)} autoFocus data-testid="shortcuts-close">
          {t('common.close')}
        </button>
      </div>
      <div className="shortcuts-groups">
        {groups.map((group) => (
          <section key={group}>
            <h3>{t(`shortcuts.groups.${group}`)}</h3>
            <dl>
              {shown.filter((shortcut) => shortcut.group === group).map((shortcut) => (
                <div key={`${shortcut.keys}-${shortcut.labelKey}`} className="shortcut">
                  <dt>
                    {/* A long combination ("Strg+Umschalt+Leertaste") may wrap after a "+", never inside a key's name. */}
                    <kbd>
                      {showKeys(shortcut.keys, (key) => t(`shortcuts.keys.${key}`))
                        .split('+')
                        .map((part, index) => (index === 0 ? part : ['+', <wbr key={index} />, part]))}
                    </kbd>
                  </dt>
                  <dd>{t(shortcut.labelKey)}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
