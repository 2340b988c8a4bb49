import { Label } from '@patternfly/react-core';

const COLORS: Record<string, 'green' | 'blue' | 'orange' | 'red' | 'grey' | 'purple'> = {
  Running: 'green', Ready: 'green', Succeeded: 'green', Completed: 'green', Active: 'green',
  Progressing: 'blue', Pending: 'blue', ContainerCreating: 'blue', Terminating: 'purple',
  Degraded: 'orange', Stopped: 'grey', Unknown: 'grey',
  Failed: 'red', Unhealthy: 'red', CrashLoopBackOff: 'red', ImagePullBackOff: 'red', ErrImagePull: 'red', Error: 'red', NotReady: 'red',
};

/** A state as a coloured label (the state text itself comes from the server and stays untranslated). */
export function StatusLabel({ status }: { status: string }) {
  return <Label color={COLORS[status] ?? 'grey'} data-testid="status">{status}</Label>;
}
