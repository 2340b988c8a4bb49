// Pods of a cluster or namespace: server-side pages of 200 fetched as the user scrolls, rows
// virtualised so 100,000 pods scroll without freezing.
import { Button, Label, PageSection, TextInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { liveApi, type WatchEvent } from '../../api/live';
import { podsApi } from '../../api/pods';
import { useLiveStream } from '../../components/useLiveStream';
import { applyChange, comparePods } from '../workloads/liveRows';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useT } from '../../i18n/I18n';
import { podPath } from '../workloads/paths';
import { age, podRow, type PodRow } from './podRows';

const PAGE = 200;
const ROW = 36;

export function PodListPage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const [params, setParams] = useSearchParams();
  const namespace = params.get('namespace') ?? '';
  const selector = params.get('labelSelector') ?? '';
  const [draft, setDraft] = useState(selector);
  const [rows, setRows] = useState<PodRow[]>([]);
  const [next, setNext] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>();
  const [resourceVersion, setResourceVersion] = useState<string>();
  const generation = useRef(0);

  const fetchPage = useCallback(async (token: string | undefined, gen: number) => {
    setLoading(true);
    try {
      const page = await podsApi.page(cluster, namespace || undefined, { limit: PAGE, continue: token, labelSelector: selector || undefined });
      if (gen !== generation.current) return;
      const added = page.items.map(podRow);
      setRows((r) => (token ? [...r, ...added] : added));
      setNext(page.metadata?.continue || null);
      if (!token) setResourceVersion(page.metadata?.resourceVersion || '');
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
    setResourceVersion(undefined);
    fetchPage(undefined, generation.current);
  }, [fetchPage]);

  // changes since the first page's resourceVersion, applied in place; if the stream fails the first
  // page is re-fetched every 5 s instead (while only one page is loaded)
  const reloadFirst = useCallback(() => { generation.current += 1; fetchPage(undefined, generation.current); }, [fetchPage]);
  const onChange = useCallback((e: WatchEvent) => {
    const row = podRow(e.object);
    setRows((r) => applyChange(r, e.type, row, (x) => x.namespace + '/' + x.name, comparePods, { first: true, more: !!next }));
  }, [next]);
  const live = useLiveStream<WatchEvent>(resourceVersion === undefined ? undefined
    : liveApi.watchUrl(cluster, 'pods', namespace || undefined, { labelSelector: selector || undefined, resourceVersion }), onChange, reloadFirst);
  useEffect(() => {
    if (live !== 'polling' || next) return undefined;
    const id = window.setInterval(reloadFirst, 5000);
    return () => window.clearInterval(id);
  }, [live, next, reloadFirst]);

  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 20 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 40 && next && !loading) fetchPage(next, generation.current);
  }, [last, rows.length, next, loading, fetchPage]);

  const set = (k: string, v: string) => { const p = new URLSearchParams(params); if (v) p.set(k, v); else p.delete(k); setParams(p); };
  const now = Date.now();
  const columns = [t('common.name'), ...(namespace ? [] : [t('common.namespace')]), t('pods.ready'), t('pods.status'), t('pods.restarts'), t('pods.node'), t('pods.age')];
  const template = `minmax(240px, 3fr)${namespace ? '' : ' minmax(120px, 1fr)'} 70px minmax(120px, 1fr) 80px minmax(120px, 1fr) 60px`;
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
          <ToolbarItem><Label color={live === 'live' ? 'green' : 'grey'} data-testid="live-state" data-state={live}>
            {live === 'live' ? t('live.streaming') : t('live.polling')}</Label></ToolbarItem>
          {next && <ToolbarItem><Button variant="link" isLoading={loading} onClick={() => fetchPage(next, generation.current)}>{t('pods.loadMore')}</Button></ToolbarItem>}
        </ToolbarContent></Toolbar>
        <ErrorAlert error={error} />
        {!loading && rows.length === 0 && !error ? (
          <Empty title={t('pods.emptyTitle')} body={t('pods.emptyBody')} />
        ) : (
          <div role="table" aria-label={t('pods.title')} data-testid="pod-list" style={{ border: '1px solid #d2d2d2' }}>
            <div role="row" style={{ display: 'grid', gridTemplateColumns: template, fontWeight: 600, padding: '8px 12px', borderBottom: '1px solid #d2d2d2' }}>
              {columns.map((c) => <div role="columnheader" key={c}>{c}</div>)}
            </div>
            <div ref={scroller} style={{ height: 'calc(100vh - 330px)', minHeight: 300, overflow: 'auto' }}>
              <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
                {items.map((v) => {
                  const r = rows[v.index];
                  return (
                    <div role="row" key={v.key} data-testid="pod-row" style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW,
                      transform: `translateY(${v.start}px)`, display: 'grid', gridTemplateColumns: template, alignItems: 'center', padding: '0 12px',
                      borderBottom: '1px solid #f0f0f0', whiteSpace: 'nowrap' }}>
                      <div role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}><Link to={podPath(cluster, r.namespace, r.name)}>{r.name}</Link></div>
                      {!namespace && <div role="cell">{r.namespace}</div>}
                      <div role="cell">{r.ready}</div>
                      <div role="cell"><StatusLabel status={r.status} /></div>
                      <div role="cell">{r.restarts}</div>
                      <div role="cell" style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{r.node}</div>
                      <div role="cell">{age(r.createdAt, now)}</div>
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
