// Pods of a cluster or namespace, as kubectl prints them: server-side pages of 200 fetched as the
// user scrolls, rows virtualised so 100,000 pods scroll without freezing.
import { Button, PageSection, TextInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { podsApi } from '../../api/pods';
import type { ResourceTable } from '../../api/types';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useT } from '../../i18n/I18n';
import { podPath } from '../workloads/paths';

const PAGE = 200;
const ROW = 36;

type Row = ResourceTable['rows'][number];

export function PodListPage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const [params, setParams] = useSearchParams();
  const namespace = params.get('namespace') ?? '';
  const selector = params.get('labelSelector') ?? '';
  const [draft, setDraft] = useState(selector);
  const [columns, setColumns] = useState<ResourceTable['columns']>([]);
  const [rows, setRows] = useState<Row[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  const fetchPage = useCallback(async (token: string | undefined, gen: number) => {
    setLoading(true);
    try {
      const page = await podsApi.table(cluster, namespace || undefined, { limit: PAGE, continue: token, labelSelector: selector || undefined });
      if (gen !== generation.current) return;
      setColumns(page.columns);
      setRows((r) => (token ? [...r, ...page.rows] : page.rows));
      setNext(page.continueToken ?? null);
      setError(undefined);
    } catch (e) {
      if (gen === generation.current) setError(e);
    } finally {
      if (gen === generation.current) setLoading(false);
    }
  }, [cluster, namespace, selector]);

  useEffect(() => {
    generation.current += 1;
    setRows([]);
    setNext(undefined);
    fetchPage(undefined, generation.current);
  }, [fetchPage]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 40 && next && !loading) fetchPage(next, generation.current);
  }, [last, rows.length, next, loading, fetchPage]);

  const shown = columns.filter((c) => c.priority === 0);
  const indexes = shown.map((c) => columns.indexOf(c));
  const statusIndex = columns.findIndex((c) => c.name === 'Status');
  const set = (k: string, v: string) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p); };
  const template = `minmax(220px, 3fr) ${shown.slice(1).map(() => 'minmax(80px, 1fr)').join(' ')}${namespace ? '' : ' minmax(120px, 1fr)'}`;
  return (
    <>
      <ScopeBar cluster={cluster} namespace={namespace} onNamespace={(ns) => set('namespace', ns)} trail={[{ label: t('nav.pods') }]} />
      <PageSection><Title headingLevel="h1">{t('pods.title')}</Title></PageSection>
      <PageSection>
        <Toolbar><ToolbarContent>
          <ToolbarItem>
            <form onSubmit={(e) => { e.preventDefault(); set('labelSelector', draft); }}>
              <TextInput aria-label={t('clusters.labelSelector')} placeholder={t('pods.selectorHint')} value={draft} onChange={(_e, v) => setDraft(v)} style={{ width: 300 }} />
            </form>
          </ToolbarItem>
          <ToolbarItem data-testid="pod-count">{next ? t('pods.loadedMore', { n: rows.length }) : t('pods.loaded', { n: rows.length })}</ToolbarItem>
          {next && <ToolbarItem><Button variant="link" isLoading={loading} onClick={() => fetchPage(next, generation.current)}>{t('pods.loadMore')}</Button></ToolbarItem>}
        </ToolbarContent></Toolbar>
        <ErrorAlert error={error} />
        {!loading && rows.length === 0 && !error ? (
          <Empty title={t('pods.emptyTitle')} body={t('pods.emptyBody')} />
        ) : (
          <div role="table" aria-label={t('pods.title')} data-testid="pod-list" style={{ border: '1px solid #d2d2d2' }}>
            <div role="row" style={{ display: 'grid', gridTemplateColumns: template, fontWeight: 600, padding: '8px 12px', borderBottom: '1px solid #d2d2d2' }}>
              {shown.map((c) => <div role="columnheader" key={c.name}>{c.name}</div>)}
              {!namespace && <div role="columnheader">{t('common.namespace')}</div>}
            </div>
            <div ref={scroller} style={{ height: 'calc(100vh - 330px)', minHeight: 300, overflow: 'auto' }}>
              <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
                {items.map((v) => {
                  const r = rows[v.index];
                  return (
                    <div role="row" key={v.key} data-testid="pod-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW,
                      transform: `translateY(${v.start}px)`, display: 'grid', gridTemplateColumns: template, alignItems: 'center', padding: '0 12px',
                      borderBottom: '1px solid #f0f0f0' }}>
                      {indexes.map((ci, j) => (
                        <div role="cell" key={ci} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                          {j === 0 ? <Link to={podPath(cluster, r.namespace ?? namespace, r.name)}>{r.name}</Link>
                            : ci === statusIndex ? <StatusLabel status={String(r.cells[ci])} /> : String(r.cells[ci] ?? '')}
                        </div>
                      ))}
                      {!namespace && <div role="cell">{r.namespace}</div>}
                    </div>
                  );
                })}
              </div>
            </div>
          </div>
        )}
      </PageSection>
    </>
  );
}
