// Any kind the cluster serves, CRDs included: pick a type, see kubectl's table for it (server-side
// pages), open an object's YAML.
import { Button, FormSelect, FormSelectOption, Modal, ModalBody, ModalHeader, PageSection, Spinner, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { resourcesApi, typeName } from '../../api/resources';
import type { ResourceTable } from '../../api/types';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { objectToYaml } from '../workloads/workloadForm';

const YamlEditor = lazy(() => import('../../components/YamlEditor'));
const PAGE = 100;

export function ResourceBrowserPage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? 'configmaps';
  const namespace = params.get('namespace') ?? '';
  const types = useAsync(() => resourcesApi.types(cluster), [cluster]);
  const current = types.data?.find((x) => typeName(x) === type);
  const namespaced = current?.namespaced ?? true;
  const [table, setTable] = useState<ResourceTable | null>(null);
  const [error, setError] = useState<unknown>();
  const [open, setOpen] = useState<{ ns?: string; name: string } | null>(null);
  const object = useAsync(() => (open ? resourcesApi.get(cluster, type, open.ns, open.name) : Promise.resolve(null)), [open, cluster, type]);

  useEffect(() => {
    setTable(null);
    setError(undefined);
    if (namespaced && !namespace) return;
    resourcesApi.table(cluster, type, namespaced ? namespace : undefined, { limit: PAGE }).then(setTable, setError);
  }, [cluster, type, namespace, namespaced]);

  const more = async () => {
    if (!table?.continueToken) return;
    try {
      const next = await resourcesApi.table(cluster, type, namespaced ? namespace : undefined, { limit: PAGE, continue: table.continueToken });
      setTable({ ...next, rows: [...table.rows, ...next.rows] });
    } catch (e) { setError(e); }
  };
  const set = (k: string, v: string) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p); };
  const columns = (table?.columns ?? []).map((c, i) => ({ ...c, i })).filter((c) => c.priority === 0);
  const sorted = [...(types.data ?? [])].filter((x) => x.verbs.includes('list')).sort((a, b) => a.kind.localeCompare(b.kind));
  return (
    <>
      <ScopeBar cluster={cluster} namespace={namespaced ? namespace : undefined} onNamespace={(ns) => set('namespace', ns)} allowAllNamespaces={false}
        trail={[{ label: t('nav.resources') }]} />
      <PageSection><Title headingLevel="h1">{t('resources.title')}</Title></PageSection>
      <PageSection>
        <Toolbar><ToolbarContent><ToolbarItem>
          <FormSelect aria-label={t('resources.type')} value={type} onChange={(_e, v) => set('type', v)} style={{ width: 360 }} data-testid="resource-type">
            {sorted.map((x) => <FormSelectOption key={typeName(x)} value={typeName(x)} label={`${x.kind} (${typeName(x)})`} />)}
          </FormSelect>
        </ToolbarItem></ToolbarContent></Toolbar>
        <ErrorAlert error={types.error ?? error} />
        {namespaced && !namespace ? <Empty title={t('resources.pickNamespaceTitle')} body={t('resources.pickNamespaceBody')} /> :
          !table ? (!error && <Spinner aria-label={t('common.loading')} />) : table.rows.length === 0 ? <Empty title={t('resources.emptyTitle')} body={t('resources.emptyBody')} /> : (
            <>
              <Table variant="compact" aria-label={t('resources.title')} data-testid="resource-table">
                <Thead><Tr>{columns.map((c) => <Th key={c.name}>{c.name}</Th>)}</Tr></Thead>
                <Tbody>{table.rows.map((r) => (
                  <Tr key={(r.namespace ?? '') + '/' + r.name}>
                    {columns.map((c, j) => (
                      <Td key={c.name}>{j === 0 ? <Button variant="link" isInline onClick={() => setOpen({ ns: r.namespace || undefined, name: r.name })}>{r.name}</Button>
                        : String(r.cells[c.i] ?? '')}</Td>
                    ))}
                  </Tr>
                ))}</Tbody>
              </Table>
              {table.continueToken && <Button variant="link" onClick={more}>{t('pods.loadMore')}</Button>}
            </>
          )}
      </PageSection>
      {open && (
        <Modal isOpen onClose={() => setOpen(null)} variant="large" aria-label={open.name}>
          <ModalHeader title={`${current?.kind ?? type} ${open.name}`} />
          <ModalBody>
            <ErrorAlert error={object.error} />
            {object.data ? <Suspense fallback={<Spinner />}><YamlEditor value={objectToYaml(object.data)} onChange={() => undefined} readOnly /></Suspense> : <Spinner />}
          </ModalBody>
        </Modal>
      )}
    </>
  );
}
