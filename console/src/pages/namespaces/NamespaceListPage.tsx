// Namespaces of a cluster with their quota usage as bars.
import { Button, Label, LabelGroup, PageSection, Progress, ProgressMeasureLocation, ProgressSize, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { clustersApi } from '../../api/clusters';
import { namespaceApi } from '../../api/k8s';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace } from '../../auth/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { NamespaceCreateDialog, SYSTEM_NAMESPACES } from '../k8s/NamespaceCreateDialog';
import { usage } from './quantity';

function QuotaBars({ quota }: { quota: Record<string, string> }) {
  const t = useT();
  const entries = Object.entries(quota);
  if (entries.length === 0) return <>{t('namespaces.noQuota')}</>;
  return (
    <div style={{ minWidth: 280 }}>
      {entries.map(([resource, usedHard]) => {
        const u = usage(usedHard);
        return (
          <Progress key={resource} size={ProgressSize.sm} title={resource} value={Math.min(100, (u.ratio ?? 0) * 100)}
            measureLocation={ProgressMeasureLocation.outside} label={`${u.used} / ${u.hard}`}
            variant={u.ratio !== undefined && u.ratio >= 0.9 ? 'danger' : u.ratio !== undefined && u.ratio >= 0.7 ? 'warning' : undefined} />
        );
      })}
    </div>
  );
}

export function NamespaceListPage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const list = useAsync(() => clustersApi.namespaces(cluster), [cluster], 10000);
  const enc = encodeURIComponent;
  const { me } = useAuth();
  const mayEdit = canEditNamespace(me, cluster, undefined);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<string | null>(null);
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.namespaces') }]} />
      <PageSection><Title headingLevel="h1">{t('namespaces.title')}</Title></PageSection>
      <PageSection>
        {mayEdit && <Button onClick={() => setCreating(true)} data-testid="ns-create" style={{ marginBottom: 8 }}>{t('k8s.ns.create')}</Button>}
        <ErrorAlert error={list.error} />
        {list.data && list.data.length === 0 ? <Empty title={t('namespaces.emptyTitle')} body={t('namespaces.emptyBody')} /> : (
          <Table variant="compact" aria-label={t('namespaces.title')} data-testid="namespace-table">
            <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('pods.status')}</Th><Th>{t('clusters.labels')}</Th><Th>{t('namespaces.quota')}</Th><Th /></Tr></Thead>
            <Tbody>{(list.data ?? []).map((n) => (
              <Tr key={n.name} data-testid={`ns-${n.name}`}>
                <Td>{n.name}</Td>
                <Td><StatusLabel status={n.phase} /></Td>
                <Td><LabelGroup numLabels={3}>{Object.entries(n.labels ?? {}).map(([k, v]) => <Label key={k} isCompact>{k}={v}</Label>)}</LabelGroup></Td>
                <Td><QuotaBars quota={n.quota ?? {}} /></Td>
                <Td>
                  <Link to={`/clusters/${enc(cluster)}/workloads?namespace=${enc(n.name)}`}>{t('nav.workloads')}</Link>{' · '}
                  <Link to={`/clusters/${enc(cluster)}/pods?namespace=${enc(n.name)}`}>{t('nav.pods')}</Link>
                  {mayEdit && n.phase !== 'Terminating' && !SYSTEM_NAMESPACES.includes(n.name) && <>{' '}<Button variant="link" isDanger size="sm" onClick={() => setDeleting(n.name)}
                    data-testid="ns-delete">{t('actions.delete')}</Button></>}
                </Td>
              </Tr>
            ))}</Tbody>
          </Table>
        )}
      </PageSection>
      {creating && <NamespaceCreateDialog cluster={cluster} onClose={() => setCreating(false)} onCreated={list.reload} />}
      {deleting && (
        <ConfirmDialog danger title={t('k8s.ns.deleteTitle', { name: deleting })} body={t('k8s.ns.deleteBody', { name: deleting })}
          confirmLabel={t('actions.delete')} typeToConfirm={deleting}
          onConfirm={async () => { await namespaceApi.remove(cluster, deleting); list.reload(); }} onClose={() => setDeleting(null)} />
      )}
    </>
  );
}
