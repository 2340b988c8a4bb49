// The kinds with dedicated pages: URL section, API type name, sidebar group, list columns (from the
// pure row functions) and a YAML template for "Create".
import { configMapRow, hpaRow, ingressRow, pvRow, pvcRow, secretRow, serviceRow, storageClassRow, type Row } from './rows';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export type KindGroup = 'network' | 'config' | 'storage';

export interface KindSpec {
  /** URL segment: /clusters/:cluster/<section> */
  section: string;
  /** the type name the API takes */
  type: string;
  kind: string;
  apiVersion: string;
  namespaced: boolean;
  group: KindGroup;
  /** column ids, labelled by the message k8s.col.<id> */
  columns: string[];
  row: (o: Obj) => Row;
  template: (namespace: string) => string;
}

export const KINDS: KindSpec[] = [
  {
    section: 'services', type: 'services', kind: 'Service', apiVersion: 'v1', namespaced: true, group: 'network',
    columns: ['type', 'clusterIP', 'externalIP', 'ports', 'selector'], row: serviceRow,
    template: (ns) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: my-service\n  namespace: ${ns}\nspec:\n  type: ClusterIP\n  selector:\n    app: my-app\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n    protocol: TCP\n`,
  },
  {
    section: 'ingresses', type: 'ingresses.networking.k8s.io', kind: 'Ingress', apiVersion: 'networking.k8s.io/v1', namespaced: true,
    group: 'network', columns: ['ingressClass', 'hosts', 'address', 'ports'], row: ingressRow,
    template: (ns) => `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: my-ingress\n  namespace: ${ns}\nspec:\n  rules:\n  - host: app.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend:\n          service:\n            name: my-service\n            port:\n              number: 80\n`,
  },
  {
    section: 'configmaps', type: 'configmaps', kind: 'ConfigMap', apiVersion: 'v1', namespaced: true, group: 'config',
    columns: ['keys'], row: configMapRow,
    template: (ns) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: my-config\n  namespace: ${ns}\ndata:\n  key: value\n`,
  },
  {
    section: 'secrets', type: 'secrets', kind: 'Secret', apiVersion: 'v1', namespaced: true, group: 'config',
    columns: ['secretType', 'keys'], row: secretRow,
    template: (ns) => `apiVersion: v1\nkind: Secret\nmetadata:\n  name: my-secret\n  namespace: ${ns}\ntype: Opaque\nstringData:\n  key: value\n`,
  },
  {
    section: 'hpas', type: 'horizontalpodautoscalers.autoscaling', kind: 'HorizontalPodAutoscaler', apiVersion: 'autoscaling/v2',
    namespaced: true, group: 'config',
    columns: ['reference', 'minReplicas', 'maxReplicas', 'currentReplicas', 'desiredReplicas', 'metrics'], row: hpaRow,
    template: (ns) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: my-hpa\n  namespace: ${ns}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: my-app\n  minReplicas: 1\n  maxReplicas: 5\n  metrics:\n  - type: Resource\n    resource:\n      name: cpu\n      target:\n        type: Utilization\n        averageUtilization: 80\n`,
  },
  {
    section: 'pvcs', type: 'persistentvolumeclaims', kind: 'PersistentVolumeClaim', apiVersion: 'v1', namespaced: true, group: 'storage',
    columns: ['status', 'volume', 'capacity', 'accessModes', 'storageClass'], row: pvcRow,
    template: (ns) => `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: my-claim\n  namespace: ${ns}\nspec:\n  accessModes:\n  - ReadWriteOnce\n  resources:\n    requests:\n      storage: 1Gi\n`,
  },
  {
    section: 'pvs', type: 'persistentvolumes', kind: 'PersistentVolume', apiVersion: 'v1', namespaced: false, group: 'storage',
    columns: ['capacity', 'accessModes', 'reclaimPolicy', 'status', 'claim', 'storageClass'], row: pvRow,
    template: () => `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: my-volume\nspec:\n  capacity:\n    storage: 10Gi\n  accessModes:\n  - ReadWriteOnce\n  persistentVolumeReclaimPolicy: Retain\n  hostPath:\n    path: /data/my-volume\n`,
  },
  {
    section: 'storageclasses', type: 'storageclasses.storage.k8s.io', kind: 'StorageClass', apiVersion: 'storage.k8s.io/v1',
    namespaced: false, group: 'storage', columns: ['provisioner', 'isDefault', 'reclaimPolicy', 'bindingMode', 'expansion'],
    row: storageClassRow,
    template: () => `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: my-class\nprovisioner: example.com/provisioner\nreclaimPolicy: Delete\nvolumeBindingMode: WaitForFirstConsumer\nallowVolumeExpansion: true\n`,
  },
];

export const GROUPS: KindGroup[] = ['network', 'config', 'storage'];

export function kindOf(section: string): KindSpec | undefined {
  return KINDS.find((k) => k.section === section);
}

const enc = encodeURIComponent;

export function listPath(cluster: string, spec: KindSpec, namespace?: string): string {
  return `/clusters/${enc(cluster)}/${spec.section}${spec.namespaced && namespace ? '?namespace=' + enc(namespace) : ''}`;
}

export function detailPath(cluster: string, spec: KindSpec, namespace: string | undefined, name: string): string {
  return spec.namespaced
    ? `/clusters/${enc(cluster)}/namespaces/${enc(namespace ?? '')}/${spec.section}/${enc(name)}`
    : `/clusters/${enc(cluster)}/${spec.section}/${enc(name)}`;
}

export function createPath(cluster: string, spec: KindSpec, namespace?: string): string {
  return `/clusters/${enc(cluster)}/${spec.section}/new${spec.namespaced && namespace ? '?namespace=' + enc(namespace) : ''}`;
}
