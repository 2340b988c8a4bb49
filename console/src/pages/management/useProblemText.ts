import { useT } from '../../i18n/I18n';
import type { Problem } from './gmLogic';

/** The message of a client-side validation problem, in the user's language. */
export function useProblemText() {
  const t = useT();
  return (p: Problem) => t(`gm.problem.${p}` as Parameters<typeof t>[0]);
}
