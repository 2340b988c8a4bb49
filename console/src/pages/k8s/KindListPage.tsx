// A dedicated list (Services, Ingresses, ConfigMaps, Secrets, PVCs, PVs, StorageClasses, HPAs): the
// columns an operator expects, namespace picker, server-side pages (limit/continue) and label
// selector and a name filter applied by the server; every filter lives in the URL.
import { Button, Label, PageSection, SearchInput, Spinner, TextInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { kubeApi } from '../../api/k8s';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace, canEditSomewhereIn } from '../../auth/permissions';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT, type MessageKey } from '../../i18n/I18n';
import { createPath, detailPath, type KindSpec } from './kinds';
import { age } from './rows';

const PAGE = 50;
const STATUS_COLUMNS = ['status'];

export function KindListPage({ spec }: { spec: KindSpec }) {
  const t = useT();
  const { me } = useAuth();
  const cluster = useParams().cluster!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const namespace = spec.namespaced ? params.get('namespace') ?? '' : '';
  const labelSelector = params.get('label') ?? '';
  const filter = params.get('q') ?? '';
  const cursor = useCursor();
  const [labelDraft, setLabelDraft] = useState(labelSelector);
  const list = useAsync((signal) => kubeApi.list(cluster, spec.type, namespace || undefined,
    { limit: PAGE, continue: cursor.token, labelSelector: labelSelector || undefined, nameContains: filter.trim() || undefined }, signal),
  [cluster, spec.type, namespace, labelSelector, filter, cursor.token], 10000);
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    p.delete('continue'); cursor.reset(); // every filter is applied by the server, so paging starts again
    setParams(p);
  };
  const mayCreate = !spec.namespaced ? canEditNamespace(me, cluster, undefined)
    : namespace ? canEditNamespace(me, cluster, namespace) : canEditSomewhereIn(me, cluster);
  // the server already filters (the search index over the whole list, else the cluster's page); this keeps a
  // page that is still on screen consistent while the next answer is on its way
  const items = (list.data?.items ?? []).filter((o) => !filter
    || String(o.metadata?.name ?? '').toLowerCase().includes(filter.trim().toLowerCase()));
  const allNamespaces = spec.namespaced && !namespace;
  const title = t(`k8s.kind.${spec.section}` as MessageKey);
  const create = createPath(cluster, spec, namespace);
  return (
    <>
      <ScopeBar cluster={cluster} namespace={spec.namespaced ? namespace : undefined} onNamespace={(ns) => set('namespace', ns)}
        trail={[{ label: title }]} />
      <PageSection><Title headingLevel="h1">{title}</Title></PageSection>
      <PageSection>
        <Toolbar><ToolbarContent>
          <ToolbarItem><SearchInput aria-label={t('common.filterByName')} placeholder={t('common.filterByName')} value={filter}
            onChange={(_e, v) => set('q', v)} onClear={() => set('q', '')} data-testid="name-filter" /></ToolbarItem>
          <ToolbarItem>
            <form onSubmit={(e) => { e.preventDefault(); set('label', labelDraft.trim()); }} style={{ display: 'flex', gap: 4 }}>
              <TextInput aria-label={t('k8s.list.labelSelector')} placeholder={t('k8s.list.labelSelectorPlaceholder')} value={labelDraft}
                onChange={(_e, v) => setLabelDraft(v)} style={{ width: 240 }} data-testid="label-filter" />
              <Button type="submit" variant="secondary" data-testid="label-filter-apply">{t('k8s.list.filter')}</Button>
            </form>
          </ToolbarItem>
          {mayCreate && <ToolbarItem><Button onClick={() => navigate(create)} data-testid="create-resource">{t('k8s.list.create', { kind: spec.kind })}</Button></ToolbarItem>}
        </ToolbarContent></Toolbar>
        <ErrorAlert error={list.error} />
        {!list.data ? (!list.error && <Spinner aria-label={t('common.loading')} />) : items.length === 0 ? (
          <Empty title={t('k8s.list.emptyTitle', { kind: title })}
            body={filter || labelSelector ? t('k8s.list.emptyFiltered') : mayCreate ? t('k8s.list.emptyBody', { kind: spec.kind }) : t('k8s.list.emptyViewer')}
            action={mayCreate && !filter && !labelSelector ? <Button onClick={() => navigate(create)}>{t('k8s.list.create', { kind: spec.kind })}</Button> : undefined} />
        ) : (
          <Table variant="compact" aria-label={title} data-testid="kind-table">
            <Thead><Tr>
              <Th>{t('common.name')}</Th>
              {allNamespaces && <Th>{t('common.namespace')}</Th>}
              {spec.columns.map((c) => <Th key={c}>{t(`k8s.col.${c}` as MessageKey)}</Th>)}
              <Th>{t('k8s.col.age')}</Th>
            </Tr></Thead>
            <Tbody>{items.map((o) => {
              const row = spec.row(o);
              const ns: string | undefined = o.metadata?.namespace;
              return (
                <Tr key={(ns ?? '') + '/' + o.metadata?.name} data-testid={`row-${o.metadata?.name}`}>
                  <Td><Link to={detailPath(cluster, spec, ns, o.metadata?.name)}>{o.metadata?.name}</Link></Td>
                  {allNamespaces && <Td>{ns}</Td>}
                  {spec.columns.map((c) => (
                    <Td key={c} dataLabel={c} data-testid={`cell-${c}`}>
                      {STATUS_COLUMNS.includes(c) ? <StatusLabel status={row[c]} />
                        : c === 'isDefault' ? (row[c] ? <Label isCompact color="blue">{t('k8s.sc.default')}</Label> : '')
                          : row[c]}
                    </Td>
                  ))}
                  <Td>{age(o.metadata?.creationTimestamp)}</Td>
                </Tr>
              );
            })}</Tbody>
          </Table>
        )}
        <CursorPager cursor={cursor} nextToken={list.data?.metadata?.continue} />
      </PageSection>
    </>
  );
}
