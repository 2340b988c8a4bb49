import { EmptyState, EmptyStateBody, EmptyStateFooter } from '@patternfly/react-core';
import type { ReactNode } from 'react';

/** An empty state that says what to do next. */
export function Empty({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  return (
    <EmptyState titleText={title} headingLevel="h3" data-testid="empty-state">
      <EmptyStateBody>{body}</EmptyStateBody>
      {action && <EmptyStateFooter>{action}</EmptyStateFooter>}
    </EmptyState>
  );
}
