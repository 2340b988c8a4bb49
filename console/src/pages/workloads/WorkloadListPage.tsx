import { Button, FormSelect, FormSelectOption, PageSection, SearchInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { workloadsApi } from '../../api/workloads';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace, canEditSomewhereIn } from '../../auth/permissions';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { pluralKind, workloadPath } from './paths';

const KINDS = ['', 'deployments', 'statefulsets', 'daemonsets', 'jobs', 'cronjobs'];
const PAGE = 50;

export function WorkloadListPage() {
  const t = useT();
  const { me } = useAuth();
  const cluster = useParams().cluster!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const namespace = params.get('namespace') ?? '';
  const kind = params.get('kind') ?? '';
  const filter = params.get('q') ?? '';
  const page = Number(params.get('page') ?? '0');
  const list = useAsync(() => workloadsApi.list(cluster, namespace || undefined, kind || undefined), [cluster, namespace, kind], 5000);
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    if (k !== 'page') p.delete('page');
    setParams(p);
  };
  const mayCreate = namespace ? canEditNamespace(me, cluster, namespace) : canEditSomewhereIn(me, cluster);
  const all = (list.data ?? []).filter((w) => !filter || w.name.includes(filter));
  const items = all.slice(page * PAGE, (page + 1) * PAGE);
  const createTo = `/clusters/${encodeURIComponent(cluster)}/workloads/new${namespace ? '?namespace=' + encodeURIComponent(namespace) : ''}`;
  return (
    <>
      <ScopeBar cluster={cluster} namespace={namespace} onNamespace={(ns) => set('namespace', ns)} trail={[{ label: t('nav.workloads') }]} />
      <PageSection><Title headingLevel="h1">{t('workloads.title')}</Title></PageSection>
      <PageSection>
        <Toolbar><ToolbarContent>
          <ToolbarItem>
            <FormSelect aria-label={t('workloads.kind')} value={kind} onChange={(_e, v) => set('kind', v)} style={{ width: 180 }}>
              {KINDS.map((k) => <FormSelectOption key={k} value={k} label={k ? t(`kind.${k}` as never) : t('workloads.allKinds')} />)}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem><SearchInput aria-label={t('common.filterByName')} placeholder={t('common.filterByName')} value={filter}
            onChange={(_e, v) => set('q', v)} onClear={() => set('q', '')} /></ToolbarItem>
          {mayCreate && <ToolbarItem><Button onClick={() => navigate(createTo)} data-testid="create-workload">{t('workloads.create')}</Button></ToolbarItem>}
        </ToolbarContent></Toolbar>
        <ErrorAlert error={list.error} />
        {!list.loading && all.length === 0 && !list.error ? (
          <Empty title={t('workloads.emptyTitle')} body={mayCreate ? t('workloads.emptyBody') : t('workloads.emptyBodyViewer')}
            action={mayCreate ? <Button onClick={() => navigate(createTo)}>{t('workloads.create')}</Button> : undefined} />
        ) : (
          <Table variant="compact" aria-label={t('workloads.title')} data-testid="workload-table">
            <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('common.namespace')}</Th><Th>{t('workloads.kind')}</Th>
              <Th>{t('workloads.state')}</Th><Th>{t('workloads.replicas')}</Th><Th>{t('workloads.images')}</Th></Tr></Thead>
            <Tbody>{items.map((w) => (
              <Tr key={w.kind + w.namespace + w.name}>
                <Td><Link to={workloadPath(cluster, w.namespace, w.kind, w.name)}>{w.name}</Link></Td>
                <Td>{w.namespace}</Td>
                <Td>{t(`kind.${pluralKind(w.kind)}` as never)}</Td>
                <Td><StatusLabel status={w.state} /></Td>
                <Td data-testid="replicas">{w.ready}/{w.desired}</Td>
                <Td>{w.images.join(', ')}</Td>
              </Tr>
            ))}</Tbody>
          </Table>
        )}
        {all.length > PAGE && (
          <Toolbar><ToolbarContent>
            <ToolbarItem><Button variant="secondary" isDisabled={page === 0} onClick={() => set('page', String(page - 1))}>{t('common.previous')}</Button></ToolbarItem>
            <ToolbarItem>{t('common.pageOf', { page: page + 1, pages: Math.ceil(all.length / PAGE) })}</ToolbarItem>
            <ToolbarItem><Button variant="secondary" isDisabled={(page + 1) * PAGE >= all.length} onClick={() => set('page', String(page + 1))}>{t('common.next')}</Button></ToolbarItem>
          </ToolbarContent></Toolbar>
        )}
      </PageSection>
    </>
  );
}
