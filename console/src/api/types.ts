// Records of the Flotilla REST API, mirroring the server's Java records.

/** iam MeService.Me */
export interface Me {
  username: string;
  displayName?: string;
  email?: string;
  source: string;
  authenticatedBy: string;
  accessKeyId?: string;
  groups: string[];
  platformRoles: string[];
  grants: GrantView[];
  can: Record<string, string[]>;
  clusters: string[];
}

/** iam MeService.GrantView: scope is "" (platform), a name, or "cluster/namespace". */
export interface GrantView {
  role: string;
  scopeKind: 'platform' | 'folder' | 'workspace' | 'cluster' | 'namespace';
  scope: string;
  origin: string;
}

/** iam LoginController.LoginOptions */
export interface LoginOptions {
  ldap: boolean;
  oidc: boolean;
  oidcLoginUrl?: string;
}

/** platform Page */
export interface Page<T> {
  items: T[];
  continueToken?: string | null;
}

/** cluster Cluster */
export interface Cluster {
  name: string;
  displayName?: string;
  description?: string;
  labels: Record<string, string>;
  server: string;
  credentialType: string;
  simulated: boolean;
  status: ClusterStatus;
  createdAt: string;
  updatedAt: string;
}

export interface ClusterCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

export interface ClusterStatus {
  phase: 'Running' | 'Unhealthy' | 'Unknown';
  conditions: ClusterCondition[];
  kubernetesVersion?: string;
  platform?: string;
  nodes?: { ready: number; total: number };
  lastProbeTime?: string;
  lastError?: string;
}

/** cluster ClusterRequest */
export interface ClusterRequest {
  name?: string;
  displayName?: string;
  description?: string;
  labels?: Record<string, string>;
  kubeconfig?: string;
  context?: string;
  skipVerification?: boolean;
}

/** cluster VerificationResult */
export interface VerificationResult {
  reachable: boolean;
  reason?: string;
  message: string;
  kubernetesVersion?: string;
  platform?: string;
  simulated: boolean;
  nodes?: { ready: number; total: number };
}

/** resource OverviewService.Overview */
export interface Overview {
  nodes: { total: number; ready: number; notReady: number; cordoned: number };
  podPhases: Record<string, number>;
  cpu: Usage;
  memory: Usage;
  workloadStates: Record<string, number>;
  warnings: EventSummary[];
}

export interface Usage {
  requested: number;
  allocatable: number;
}

/** resource EventSummary */
export interface EventSummary {
  type: string;
  reason: string;
  message: string;
  objectKind: string;
  objectName: string;
  count: number;
  last?: string;
  source?: string;
}

export type WorkloadKind = 'deployments' | 'statefulsets' | 'daemonsets' | 'jobs' | 'cronjobs';

/** resource WorkloadSummary */
export interface WorkloadSummary {
  kind: string;
  namespace: string;
  name: string;
  images: string[];
  desired: number;
  ready: number;
  available: number;
  updated: number;
  state: string;
  labels: Record<string, string>;
  conditions: Record<string, string>;
  createdAt?: string;
}

/** resource Revision */
export interface Revision {
  revision: number;
  source: string;
  images: string[];
  createdAt?: string;
  current: boolean;
  /** the revision's pod template (without pod-template-hash), for the rollback diff */
  template?: Record<string, unknown> | null;
}

/** resource PodSummary */
export interface PodSummary {
  namespace: string;
  name: string;
  phase: string;
  ready: string;
  restarts: number;
  node?: string;
  podIp?: string;
  containers: { name: string; image: string; ready: boolean; restartCount: number; state: string }[];
  createdAt?: string;
}

/** resource ResourceTable */
export interface ResourceTable {
  columns: { name: string; type: string; description?: string; priority: number }[];
  rows: { namespace?: string; name: string; cells: unknown[] }[];
  continueToken?: string | null;
}

/** resource NamespaceService.NamespaceSummary */
export interface NamespaceSummary {
  name: string;
  phase: string;
  labels: Record<string, string>;
  quota: Record<string, string>;
  createdAt?: string;
}

/** resource ApplyReport */
export interface ApplyReport {
  dryRun: boolean;
  complete: boolean;
  documents: {
    index: number;
    kind: string;
    namespace?: string;
    name: string;
    action: string;
    message?: string;
    changes?: string[];
    /** dry run only: the live object and the result, for the diff (never for Secrets) */
    live?: Record<string, unknown> | null;
    result?: Record<string, unknown> | null;
  }[];
}

/** resource NodeSummary */
export interface NodeSummary {
  name: string;
  status: string;
  unschedulable: boolean;
  roles: string[];
  architecture?: string;
  os?: string;
  kernel?: string;
  kubelet?: string;
  containerRuntime?: string;
  capacity: Record<string, string>;
  allocatable: Record<string, string>;
  conditions: Record<string, string>;
  taints: string[];
  labels: Record<string, string>;
  internalIp?: string;
}

/** resource DrainReport */
export interface DrainReport {
  id: string;
  cluster: string;
  node: string;
  phase: string;
  total: number;
  evicted: string[];
  blocked: string[];
  skipped: string[];
  startedAt?: string;
  finishedAt?: string;
}
