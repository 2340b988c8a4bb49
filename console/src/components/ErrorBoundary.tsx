import { Alert } from '@patternfly/react-core';
import { Component, type ReactNode } from 'react';

interface Props { title: string; children: ReactNode; resetKey: string }
interface State { error?: Error; key: string }

/** Shows a page that failed to render as an error instead of a blank screen; navigating away resets it. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { key: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.key ? { key: props.resetKey, error: undefined } : null;
  }

  render() {
    if (this.state.error) {
      return <Alert variant="danger" title={this.props.title} data-testid="page-crash" style={{ margin: 24 }}>{this.state.error.message}</Alert>;
    }
    return this.props.children;
  }
}
