import { Button, FormSelect, FormSelectOption, Label, PageSection, SearchInput, Title, Toolbar, ToolbarContent, ToolbarItem, Tooltip } from '@patternfly/react-core';
import { useCallback, useEffect, useState } from 'react';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { liveApi, type WatchEvent } from '../../api/live';
import type { WorkloadSummary } from '../../api/types';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace, canEditSomewhereIn } from '../../auth/permissions';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { useAsync } from '../../components/useAsync';
import { useLiveStream } from '../../components/useLiveStream';
import { useT } from '../../i18n/I18n';
import { applyWorkloadChange } from './liveRows';
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
  const cursor = useCursor();
  const [live, setLive] = useState<'connecting' | 'live' | 'polling'>('connecting');
  // a page from the server (sorted, filtered by name there); while the stream is live it is not polled
  const list = useAsync((signal) => liveApi.workloadPage(cluster, { namespace: namespace || undefined, kind: kind || undefined,
    name: filter || undefined, limit: PAGE, continue: cursor.token }, signal), [cluster, namespace, kind, filter, cursor.token],
  live === 'live' ? undefined : 5000);
  const [rows, setRows] = useState<WorkloadSummary[]>([]);
  useEffect(() => { if (list.data) setRows(list.data.items); }, [list.data]);
  const onChange = useCallback((e: WatchEvent) => {
    if (e.row) {
      const row = e.row;
      setRows((r) => applyWorkloadChange(r, e.type, row, { first: !cursor.token, more: !!list.data?.continueToken, name: filter || undefined }));
    }
  }, [cursor.token, list.data?.continueToken, filter]);
  const state = useLiveStream<WatchEvent>(liveApi.workloadWatchUrl(cluster, namespace || undefined, kind || undefined), onChange, list.reload);
  useEffect(() => setLive(state), [state]);
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    p.delete('continue');
    cursor.reset();
    setParams(p);
  };
  const mayCreate = namespace ? canEditNamespace(me, cluster, namespace) : canEditSomewhereIn(me, cluster);
  const items = rows;
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
          <ToolbarItem align={{ default: 'alignEnd' }}>
            <Tooltip content={live === 'live' ? t('live.streamingHint') : t('live.pollingHint')}>
              <Label color={live === 'live' ? 'green' : 'grey'} data-testid="live-state" data-state={live}>
                {live === 'live' ? t('live.streaming') : t('live.polling')}</Label>
            </Tooltip>
          </ToolbarItem>
        </ToolbarContent></Toolbar>
        <ErrorAlert error={list.error} />
        {!list.loading && items.length === 0 && !list.error && !cursor.token ? (
          <Empty title={t('workloads.emptyTitle')} body={mayCreate ? t('workloads.emptyBody') : t('workloads.emptyBodyViewer')}
            action={mayCreate ? <Button onClick={() => navigate(createTo)}>{t('workloads.create')}</Button> : undefined} />
        ) : (
          <Table variant="compact" aria-label={t('workloads.title')} data-testid="workload-table">
            <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('common.namespace')}</Th><Th>{t('workloads.kind')}</Th>
              <Th>{t('workloads.state')}</Th><Th>{t('workloads.replicas')}</Th><Th>{t('workloads.images')}</Th></Tr></Thead>
            <Tbody>{items.map((w) => (
              <Tr key={w.kind + w.namespace + w.name} data-testid={`workload-row-${w.namespace}-${w.name}`}>
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
        <CursorPager cursor={cursor} nextToken={list.data?.continueToken} />
      </PageSection>
    </>
  );
}
