// Nodes of a cluster: status, roles, kubelet, allocatable; cordon/uncordon and drain with progress.
import { Alert, Button, Label, LabelGroup, PageSection, Progress, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { nodesApi } from '../../api/nodes';
import type { DrainReport, NodeSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace } from '../../auth/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useAction, useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { NodeEditDialog } from '../k8s/NodeEditDialog';
import { userLabelsFirst } from '../k8s/validation';

function DrainProgress({ report, onDone }: { report: DrainReport; onDone: () => void }) {
  const t = useT();
  const [r, setR] = useState(report);
  const finished = !!r.finishedAt;
  useEffect(() => {
    if (finished) { onDone(); return undefined; }
    const id = window.setInterval(() => { nodesApi.drainStatus(r.id).then(setR, () => undefined); }, 1000);
    return () => window.clearInterval(id);
  }, [r.id, finished, onDone]);
  const done = r.evicted.length + r.blocked.length + r.skipped.length;
  return (
    <Alert isInline variant={!finished ? 'info' : r.blocked.length ? 'warning' : 'success'} data-testid="drain-progress"
      title={t('nodes.drainTitle', { node: r.node, phase: r.phase })}>
      <Progress value={r.total ? (done * 100) / r.total : 100} title={t('nodes.drainCounts', { evicted: r.evicted.length, total: r.total, blocked: r.blocked.length, skipped: r.skipped.length })} />
      {r.blocked.length > 0 && <ul>{r.blocked.map((b) => <li key={b}>{b}</li>)}</ul>}
    </Alert>
  );
}

export function NodeListPage() {
  const t = useT();
  const { me } = useAuth();
  const cluster = useParams().cluster!;
  const nodes = useAsync(() => nodesApi.list(cluster), [cluster], 5000);
  const [draining, setDraining] = useState<NodeSummary | null>(null);
  const [drains, setDrains] = useState<DrainReport[]>([]);
  const [editing, setEditing] = useState<NodeSummary | null>(null);
  const mayEdit = canEditNamespace(me, cluster, undefined);
  const cordon = useAction(async (n: NodeSummary) => {
    await (n.unschedulable ? nodesApi.uncordon : nodesApi.cordon)(cluster, n.name);
    nodes.reload();
  });
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.nodes') }]} />
      <PageSection><Title headingLevel="h1">{t('nodes.title')}</Title></PageSection>
      <PageSection>
        <ErrorAlert error={nodes.error ?? cordon.error} />
        {drains.map((d) => <DrainProgress key={d.id} report={d} onDone={nodes.reload} />)}
        <Table variant="compact" aria-label={t('nodes.title')} data-testid="node-table">
          <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('pods.status')}</Th><Th>{t('nodes.roles')}</Th><Th>{t('nodes.kubelet')}</Th>
            <Th>{t('nodes.allocatable')}</Th><Th>{t('nodes.taints')}</Th><Th>{t('k8s.node.labels')}</Th>{mayEdit && <Th screenReaderText={t('nodes.actions')} />}</Tr></Thead>
          <Tbody>{(nodes.data ?? []).map((n) => (
            <Tr key={n.name} data-testid={`node-${n.name}`}>
              <Td>{n.name}<div><small>{n.internalIp}</small></div></Td>
              <Td>{n.status.split(',').map((s) => <StatusLabel key={s} status={s} />)}</Td>
              <Td>{n.roles.join(', ') || '—'}</Td>
              <Td>{n.kubelet ?? '—'}</Td>
              <Td>{t('nodes.cpuMemory', { cpu: n.allocatable.cpu ?? '?', memory: n.allocatable.memory ?? '?', pods: n.allocatable.pods ?? '?' })}</Td>
              <Td data-testid="node-taints"><LabelGroup>{n.taints.map((x) => <Label key={x} isCompact color="orange">{x}</Label>)}</LabelGroup></Td>
              <Td data-testid="node-labels"><LabelGroup numLabels={3}>{userLabelsFirst(n.labels ?? {}).map(([k, v]) => <Label key={k} isCompact>{v ? `${k}=${v}` : k}</Label>)}</LabelGroup></Td>
              {mayEdit && (
                <Td>
                  <Button variant="secondary" size="sm" isDisabled={cordon.busy} onClick={() => cordon.run(n)} data-testid="node-cordon">
                    {n.unschedulable ? t('nodes.uncordon') : t('nodes.cordon')}</Button>{' '}
                  <Button variant="danger" size="sm" onClick={() => setDraining(n)} data-testid="node-drain">{t('nodes.drain')}</Button>{' '}
                  <Button variant="secondary" size="sm" onClick={() => setEditing(n)} data-testid="node-edit">{t('k8s.node.edit')}</Button>
                </Td>
              )}
            </Tr>
          ))}</Tbody>
        </Table>
      </PageSection>
      {editing && <NodeEditDialog cluster={cluster} node={editing} onClose={() => setEditing(null)} onSaved={nodes.reload} />}
      {draining && (
        <ConfirmDialog danger title={t('nodes.drainConfirm', { node: draining.name })} body={t('nodes.drainBody')} confirmLabel={t('nodes.drain')}
          onConfirm={async () => { const r = await nodesApi.drain(cluster, draining.name); setDrains((d) => [r, ...d]); nodes.reload(); }}
          onClose={() => setDraining(null)} />
      )}
    </>
  );
}
