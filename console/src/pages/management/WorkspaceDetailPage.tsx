// One workspace: its resource bindings (whole clusters or namespaces), its quotas on shared clusters
// (with what its namespaces already hold) and its members (role bindings on the workspace). The tab is
// in the URL (?tab=resources|quotas|members).
import {
  Breadcrumb, BreadcrumbItem, Button, Label, PageSection, Tab, Tabs, TabTitleText, Title, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { clustersApi } from '../../api/clusters';
import { gmApi, type Quota, type ResourceBinding } from '../../api/gm';
import { useAuth } from '../../auth/AuthContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty } from '../../components/Empty';
import { ErrorAlert, fieldMessage } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { FormField } from '../workloads/FormField';
import { GmModal } from './GmModal';
import { mayManage, nodeId, QUOTA_KEYS, validateQuota } from './gmLogic';
import { ClusterNamespacePicker, RoleBindingTable } from './RoleBindings';
import { useProblemText } from './useProblemText';

const TABS = ['resources', 'quotas', 'members'];

export function WorkspaceDetailPage() {
  const t = useT();
  const name = useParams().name ?? '';
  const [params, setParams] = useSearchParams();
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'resources';
  const ws = useAsync(() => gmApi.workspace(name), [name]);
  return (
    <>
      <PageSection>
        <Breadcrumb>
          <BreadcrumbItem><Link to="/management/tenancy">{t('gm.tree.title')}</Link></BreadcrumbItem>
          {(ws.data?.path ?? []).filter((p) => p !== name).map((f) => (
            <BreadcrumbItem key={f}><Link to={`/management/tenancy?node=${encodeURIComponent(nodeId('folder', f))}`}>{f}</Link></BreadcrumbItem>
          ))}
          <BreadcrumbItem isActive>{name}</BreadcrumbItem>
        </Breadcrumb>
        <Title headingLevel="h1">{t('gm.tree.workspaceTitle', { name })}</Title>
        <ErrorAlert error={ws.error} />
      </PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_e, k) => setParams({ tab: String(k) }, { replace: true })} mountOnEnter unmountOnExit>
          <Tab eventKey="resources" title={<TabTitleText>{t('gm.ws.resources')}</TabTitleText>} data-testid="tab-resources">
            <ResourcesTab workspace={name} />
          </Tab>
          <Tab eventKey="quotas" title={<TabTitleText>{t('gm.ws.quotas')}</TabTitleText>} data-testid="tab-quotas">
            <QuotasTab workspace={name} />
          </Tab>
          <Tab eventKey="members" title={<TabTitleText>{t('gm.ws.members')}</TabTitleText>} data-testid="tab-members">
            <RoleBindingTable filter={{ scopeKind: 'workspace', workspace: name }} fixedScope={{ kind: 'workspace', name }} workspace={name}
              emptyBody={t('gm.ws.membersEmpty')} />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}

function ResourcesTab({ workspace }: { workspace: string }) {
  const t = useT();
  const { me } = useAuth();
  const list = useAsync(() => gmApi.resourceBindings(workspace), [workspace]);
  const [binding, setBinding] = useState(false);
  const [unbinding, setUnbinding] = useState<ResourceBinding | null>(null);
  const mayBind = mayManage(me, 'resourcebindings', 'create', workspace);
  const mayUnbind = mayManage(me, 'resourcebindings', 'delete', workspace);
  const what = (b: ResourceBinding) => (b.namespace ? `${b.cluster}/${b.namespace}` : b.cluster);
  return (
    <>
      {mayBind && <Toolbar><ToolbarContent><ToolbarItem>
        <Button onClick={() => setBinding(true)} data-testid="bind-resource">{t('gm.ws.bind')}</Button>
      </ToolbarItem></ToolbarContent></Toolbar>}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? (
        <Empty title={t('gm.ws.noBindingsTitle')} body={t(mayBind ? 'gm.ws.noBindingsBody' : 'gm.ws.noBindingsReadOnly')} />
      ) : (
        <Table variant="compact" aria-label={t('gm.ws.resources')} data-testid="resourcebinding-table">
          <Thead><Tr><Th>{t('gm.scope.cluster')}</Th><Th>{t('gm.scope.namespace')}</Th><Th>{t('gm.ws.origin')}</Th><Th>{t('gm.createdAt')}</Th><Th /></Tr></Thead>
          <Tbody>{(list.data?.items ?? []).map((b) => (
            <Tr key={b.id} data-testid="resourcebinding-row">
              <Td>{b.cluster}</Td>
              <Td>{b.namespace ?? <Label isCompact color="blue">{t('gm.ws.wholeCluster')}</Label>}</Td>
              <Td>{b.quota ? t('gm.ws.fromQuota') : t('gm.ws.bound')}</Td>
              <Td>{new Date(b.createdAt).toLocaleString()}</Td>
              <Td isActionCell>{mayUnbind && !b.quota && (
                <Button variant="link" isDanger onClick={() => setUnbinding(b)} data-testid="unbind">{t('gm.ws.unbind')}</Button>
              )}</Td>
            </Tr>
          ))}</Tbody>
        </Table>
      )}
      {binding && <BindModal workspace={workspace} onClose={() => setBinding(false)} onBound={list.reload} />}
      {unbinding && (
        <ConfirmDialog danger title={t('gm.ws.unbindTitle', { what: what(unbinding), workspace })} body={t('gm.ws.unbindBody')}
          confirmLabel={t('gm.ws.unbind')} onConfirm={async () => { await gmApi.unbind(workspace, unbinding.id); list.reload(); }}
          onClose={() => setUnbinding(null)} />
      )}
    </>
  );
}

function BindModal({ workspace, onClose, onBound }: { workspace: string; onClose: () => void; onBound: () => void }) {
  const t = useT();
  const clusters = useAsync(() => clustersApi.list({ limit: 500 }), []);
  const [cluster, setCluster] = useState('');
  const [namespace, setNamespace] = useState('');
  return (
    <GmModal title={t('gm.ws.bindTitle', { workspace })} submitLabel={t('gm.ws.bind')} ready={!!cluster} testId="bind-modal" onClose={onClose}
      onSubmit={async () => { await gmApi.bind(workspace, { cluster, namespace: namespace || undefined }); onBound(); }}>
      {(error) => (
        <>
          <ErrorAlert error={clusters.error} />
          <ClusterNamespacePicker allowWhole cluster={cluster} namespace={namespace} clusters={(clusters.data?.items ?? []).map((c) => c.name)}
            onChange={(c, ns) => { setCluster(c); setNamespace(ns ?? ''); }} />
          <p>{namespace ? t('gm.ws.bindNamespaceHint') : t('gm.ws.bindClusterHint')}</p>
          {fieldMessage(error, 'namespace') && <p data-testid="error-namespace">{fieldMessage(error, 'namespace')}</p>}
        </>
      )}
    </GmModal>
  );
}

function QuotasTab({ workspace }: { workspace: string }) {
  const t = useT();
  const { me } = useAuth();
  const list = useAsync(() => gmApi.quotas(workspace), [workspace]);
  const [editing, setEditing] = useState<Quota | 'new' | null>(null);
  const [removing, setRemoving] = useState<Quota | null>(null);
  const mayPut = mayManage(me, 'quotas', 'update') || mayManage(me, 'quotas', 'create');
  const mayRemove = mayManage(me, 'quotas', 'delete');
  return (
    <>
      <p style={{ margin: '12px 0' }}>{t('gm.ws.quotasIntro')}</p>
      {mayPut && <Toolbar><ToolbarContent><ToolbarItem>
        <Button onClick={() => setEditing('new')} data-testid="quota-share">{t('gm.ws.share')}</Button>
      </ToolbarItem></ToolbarContent></Toolbar>}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 ? (
        <Empty title={t('gm.ws.noQuotasTitle')} body={t(mayPut ? 'gm.ws.noQuotasBody' : 'gm.ws.noQuotasReadOnly')} />
      ) : (
        <Table variant="compact" aria-label={t('gm.ws.quotas')} data-testid="quota-table">
          <Thead><Tr><Th>{t('gm.scope.cluster')}</Th>{QUOTA_KEYS.map((k) => <Th key={k} modifier="breakWord">{k}</Th>)}<Th modifier="wrap">{t('nav.namespaces')}</Th><Th screenReaderText={t('gm.actions')} /></Tr></Thead>
          <Tbody>{(list.data?.items ?? []).map((q) => (
            <Tr key={q.cluster} data-testid="quota-row">
              <Td>{q.cluster}</Td>
              {QUOTA_KEYS.map((k) => <Td key={k}>{q.hard[k] ? t('gm.ws.allocatedOf', { allocated: q.allocated[k] ?? '0', hard: q.hard[k] }) : '—'}</Td>)}
              <Td>{q.namespaces.length ? q.namespaces.join(', ') : '—'}</Td>
              <Td isActionCell style={{ whiteSpace: 'nowrap' }}>
                {mayPut && <Button variant="link" onClick={() => setEditing(q)} data-testid="quota-edit">{t('gm.ws.editQuota')}</Button>}
                {mayRemove && <Button variant="link" isDanger onClick={() => setRemoving(q)} data-testid="quota-remove">{t('common.remove')}</Button>}
              </Td>
            </Tr>
          ))}</Tbody>
        </Table>
      )}
      {editing && <QuotaModal workspace={workspace} quota={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} onSaved={list.reload} />}
      {removing && (
        <ConfirmDialog danger title={t('gm.ws.removeQuotaTitle', { cluster: removing.cluster })} body={t('gm.ws.removeQuotaBody')}
          confirmLabel={t('common.remove')} onConfirm={async () => { await gmApi.deleteQuota(workspace, removing.cluster); list.reload(); }}
          onClose={() => setRemoving(null)} />
      )}
    </>
  );
}

function QuotaModal({ workspace, quota, onClose, onSaved }: { workspace: string; quota?: Quota; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const problemText = useProblemText();
  const clusters = useAsync(() => (quota ? Promise.resolve({ items: [] }) : clustersApi.list({ limit: 500 })), [quota]);
  const [cluster, setCluster] = useState(quota?.cluster ?? '');
  const [values, setValues] = useState<Record<string, string>>(quota?.hard ?? {});
  const { problems, hard } = validateQuota(values);
  const ready = !!cluster && Object.keys(problems).length === 0;
  return (
    <GmModal title={quota ? t('gm.ws.editQuotaTitle', { cluster: quota.cluster }) : t('gm.ws.share')} submitLabel={t('common.save')} ready={ready}
      testId="quota-modal" onClose={onClose} onSubmit={async () => { await gmApi.putQuota(workspace, cluster, hard); onSaved(); }}>
      {(error) => (
        <>
          {!quota && <ClusterNamespacePicker cluster={cluster} clusters={(clusters.data?.items ?? []).map((c) => c.name)} onChange={(c) => setCluster(c)} />}
          {QUOTA_KEYS.map((k) => (
            <FormField key={k} id={`quota-${k}`} label={k} value={values[k] ?? ''} onChange={(v) => setValues({ ...values, [k]: v })}
              placeholder={k.includes('cpu') ? '500m' : k === 'persistentvolumeclaims' ? '10' : '1Gi'}
              hint={quota?.allocated[k] ? t('gm.ws.allocatedHint', { allocated: quota.allocated[k] }) : undefined}
              error={(problems[k] ? problemText(problems[k]) : undefined) ?? fieldMessage(error, `hard.${k}`) ?? fieldMessage(error, k)} />
          ))}
          {problems[''] && <p data-testid="quota-empty">{problemText(problems[''])}</p>}
        </>
      )}
    </GmModal>
  );
}
