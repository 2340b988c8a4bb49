// Live logs over server-sent events: follow, pause (lines are buffered, not lost), search, download.
import { Button, FormSelect, FormSelectOption, Label, SearchInput, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { useEffect, useRef, useState } from 'react';
import { podsApi } from '../../api/pods';
import { useT } from '../../i18n/I18n';
import { appendLines, searchLines } from './logLines';

const MAX_LINES = 5000;

export function PodLogs({ cluster, namespace, pod, containers }: { cluster: string; namespace: string; pod: string; containers: string[] }) {
  const t = useT();
  const [container, setContainer] = useState(containers[0] ?? '');
  const [lines, setLines] = useState<string[]>([]);
  const [paused, setPaused] = useState(false);
  const [state, setState] = useState<'connecting' | 'live' | 'ended' | 'error'>('connecting');
  const [query, setQuery] = useState('');
  const buffer = useRef<string[]>([]);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  const view = useRef<HTMLPreElement>(null);

  useEffect(() => {
    if (!container) return undefined;
    setLines([]);
    buffer.current = [];
    setState('connecting');
    const source = new EventSource(podsApi.followUrl(cluster, namespace, pod, container));
    let pending: string[] = [];
    let timer: number | undefined;
    const flush = () => {
      timer = undefined;
      if (pausedRef.current) { buffer.current = appendLines(buffer.current, pending, MAX_LINES); } else setLines((l) => appendLines(l, pending, MAX_LINES));
      pending = [];
    };
    source.onopen = () => setState('live');
    source.addEventListener('line', (e) => {
      pending.push((e as MessageEvent).data);
      if (timer === undefined) timer = window.setTimeout(flush, 100);
    });
    source.addEventListener('end', () => { flush(); setState('ended'); source.close(); });
    source.onerror = () => { if (source.readyState === EventSource.CLOSED) setState('error'); };
    return () => { source.close(); if (timer !== undefined) window.clearTimeout(timer); };
  }, [cluster, namespace, pod, container]);

  useEffect(() => {
    if (!paused && buffer.current.length) { setLines((l) => appendLines(l, buffer.current, MAX_LINES)); buffer.current = []; }
  }, [paused]);

  useEffect(() => {
    if (!paused && !query && view.current) view.current.scrollTop = view.current.scrollHeight;
  }, [lines, paused, query]);

  const shown = searchLines(lines, query);
  return (
    <div>
      <Toolbar><ToolbarContent>
        <ToolbarItem>
          <FormSelect aria-label={t('logs.container')} value={container} onChange={(_e, v) => setContainer(v)}>
            {containers.map((c) => <FormSelectOption key={c} value={c} label={c} />)}
          </FormSelect>
        </ToolbarItem>
        <ToolbarItem><Button variant="secondary" onClick={() => setPaused(!paused)} data-testid="logs-pause">{paused ? t('logs.resume') : t('logs.pause')}</Button></ToolbarItem>
        <ToolbarItem><SearchInput aria-label={t('logs.search')} placeholder={t('logs.search')} value={query} onChange={(_e, v) => setQuery(v)}
          onClear={() => setQuery('')} data-testid="logs-search" /></ToolbarItem>
        <ToolbarItem><Button variant="link" component="a" href={podsApi.logUrl(cluster, namespace, pod, container, true)} download>{t('logs.download')}</Button></ToolbarItem>
        <ToolbarItem>
          <Label color={state === 'live' ? 'green' : state === 'error' ? 'red' : 'grey'} data-testid="logs-state">{t(`logs.state.${state}`)}</Label>
          {' '}{query ? t('logs.matches', { n: shown.length, total: lines.length }) : t('logs.lines', { n: lines.length })}
        </ToolbarItem>
      </ToolbarContent></Toolbar>
      <pre ref={view} data-testid="log-view" style={{ height: 480, overflow: 'auto', background: '#151515', color: '#e0e0e0', padding: 12, fontSize: 12, margin: 0 }}>
        {shown.map((l) => <div key={l.n}><span style={{ color: '#6a6e73', userSelect: 'none' }}>{String(l.n).padStart(5)} </span>{l.text}</div>)}
      </pre>
    </div>
  );
}
