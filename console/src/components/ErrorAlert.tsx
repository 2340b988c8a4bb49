import { Alert } from '@patternfly/react-core';
import { ApiError } from '../api/client';
import { useT } from '../i18n/I18n';

/** Shows an error as the server said it (problem+json title and detail, with its request id). */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  const t = useT();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  return (
    <Alert variant="danger" isInline title={title ?? problem?.title ?? t('error.generic')} data-testid="error-alert">
      <p>{problem?.detail ?? (error as Error).message}</p>
      {problem?.errors && problem.errors.length > 1 && (
        <ul>{problem.errors.map((e) => <li key={e.field}><code>{e.field}</code>: {e.message}</li>)}</ul>
      )}
      {problem?.requestId && <small>{t('error.requestId', { id: problem.requestId })}</small>}
    </Alert>
  );
}

export function fieldMessage(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}
