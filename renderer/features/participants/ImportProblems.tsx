import { useTranslation } from 'react-i18next';
import type { ImportPlan, RowProblem } from '../../../shared/participants/import-plan';
import type { Translate } from '../../state/toasts';

const SHOWN = 20;

/** Why a file cannot be imported as mapped: the mapping's problems, then each bad row by line. */
export function ImportProblems({ plan }: { plan: ImportPlan }) {
  const { t } = useTranslation();
  if (plan.mappingProblems.length === 0 && plan.problems.length === 0) return null;
  return (
    <div className="import-problems" role="alert" data-testid="import-problems">
      <p className="import-problems-lead">{t('participants.import.nothingImported')}</p>
      <ul>
        {plan.mappingProblems.map((problem) => (
          <li key={problem.code + (problem.code === 'twice' ? problem.field : '')}>
            {problem.code === 'noName'
              ? t('participants.import.mapping.noName')
              : t('participants.import.mapping.twice', { field: t(`participants.import.fields.${problem.field}`) })}
          </li>
        ))}
        {plan.problems.slice(0, SHOWN).map((problem, index) => (
          <li key={index}>
            <strong>{t('participants.import.line', { line: problem.line })}</strong>{' '}
            {rowProblemText(t, problem)}
          </li>
        ))}
      </ul>
      {plan.problems.length > SHOWN && <p>{t('participants.import.moreProblems', { count: plan.problems.length - SHOWN })}</p>}
    </div>
  );
}

/** What is wrong with one row, after its line number. The count of cells found picks the plural form. */
export function rowProblemText(t: Translate, problem: RowProblem): string {
  return t(`participants.import.problem.${problem.code}`, {
    field: problem.field ? t(`participants.import.fields.${problem.field}`) : '',
    value: problem.value ?? '',
    expected: problem.expected ?? 0,
    count: problem.found ?? 0,
    max: problem.max ?? 0,
  });
}
