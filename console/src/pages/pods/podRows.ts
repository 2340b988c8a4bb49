// One row of the pod list from a Kubernetes Pod object, as kubectl get pods shows it
// (mirrors the server's PodSummary.of). Pure.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface PodRow {
  namespace: string;
  name: string;
  ready: string;
  status: string;
  restarts: number;
  node: string;
  createdAt?: string;
}

export function podRow(pod: Obj): PodRow {
  const statuses: Obj[] = pod.status?.containerStatuses ?? [];
  const total = (pod.spec?.containers ?? []).length;
  let status: string = pod.status?.phase ?? 'Pending';
  for (const s of statuses) {
    if (s.state?.waiting?.reason) status = s.state.waiting.reason;
  }
  if (pod.metadata?.deletionTimestamp) status = 'Terminating';
  return {
    namespace: pod.metadata?.namespace ?? '',
    name: pod.metadata?.name ?? '',
    ready: `${statuses.filter((s) => s.ready).length}/${total}`,
    status,
    restarts: statuses.reduce((n, s) => n + (s.restartCount ?? 0), 0),
    node: pod.spec?.nodeName ?? '',
    createdAt: pod.metadata?.creationTimestamp,
  };
}

/** kubectl-style age: 45s, 12m, 3h, 5d. */
export function age(createdAt: string | undefined, now: number): string {
  if (!createdAt) return '';
  const s = Math.max(0, Math.floor((now - Date.parse(createdAt)) / 1000));
  if (s < 120) return `${s}s`;
  if (s < 7200) return `${Math.floor(s / 60)}m`;
  if (s < 172800) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}
