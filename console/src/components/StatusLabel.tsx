import { Label } from '@patternfly/react-core';
import { EN, type MessageKey } from '../i18n/catalogs';
import { useT } from '../i18n/I18n';

const COLORS: Record<string, 'green' | 'blue' | 'orange' | 'red' | 'grey' | 'purple'> = {
  Running: 'green', Ready: 'green', Succeeded: 'green', Completed: 'green', Active: 'green', Bound: 'green', Available: 'green',
  Progressing: 'blue', Pending: 'blue', ContainerCreating: 'blue', Terminating: 'purple',
  Degraded: 'orange', SchedulingDisabled: 'orange', Stopped: 'grey', Unknown: 'grey', Released: 'grey',
  Failed: 'red', Unhealthy: 'red', CrashLoopBackOff: 'red', ImagePullBackOff: 'red', ErrImagePull: 'red', Error: 'red', NotReady: 'red', Lost: 'red',
};

/** The message of a state the server reports (Running, Bound...), or undefined for states without one (shown as is). */
export function stateMessageKey(status: string): MessageKey | undefined {
  const key = `k8s.state.${status}`;
  return Object.prototype.hasOwnProperty.call(EN, key) ? (key as MessageKey) : undefined;
}

/** A state as a coloured label: known states translated, unknown ones shown as the server says them. */
export function StatusLabel({ status }: { status: string }) {
  const t = useT();
  const key = stateMessageKey(status);
  return <Label color={COLORS[status] ?? 'grey'} data-testid="status" data-status={status}>{key ? t(key) : status}</Label>;
}
