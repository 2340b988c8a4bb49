// Search the index of every cluster (GET /api/v1/search): kind, clusters, namespaces, part of the
// name, label selector; server-side pages (continue). Everything is in the URL, so searches can be linked.
import { Alert, Button, Form, FormGroup, FormSelect, FormSelectOption, Grid, GridItem, PageSection, TextInput, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { searchApi } from '../../api/live';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { age } from '../pods/podRows';
import { hitPath, SEARCH_KINDS } from './searchLinks';

const PAGE = 50;
const FIELDS = ['kind', 'clusters', 'namespaces', 'q', 'labelSelector'] as const;
type Field = typeof FIELDS[number];

export function SearchPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const cursor = useCursor();
  const current = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>;
  const kind = current.kind || 'pods';
  const [draft, setDraft] = useState(current);
  useEffect(() => setDraft(Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as Record<Field, string>), [params]);
  const asked = !!(current.q || current.labelSelector || current.clusters || current.namespaces || current.kind);
  const results = useAsync((signal) => (asked ? searchApi.search({
    resources: kind, clusters: current.clusters || undefined, namespaces: current.namespaces || undefined,
    fuzzyName: current.q || undefined, labelSelector: current.labelSelector || undefined, limit: PAGE, continue: cursor.token,
    withRemainingCount: true,
  }, signal) : Promise.resolve(undefined)), [asked, kind, current.clusters, current.namespaces, current.q, current.labelSelector, cursor.token]);
  const status = useAsync((signal) => searchApi.status(signal), [], 10000);
  const syncing = (status.data?.items ?? []).filter((s) => s.phase !== 'Synced').map((s) => `${s.cluster} (${s.phase})`);
  const submit = () => {
    const p = new URLSearchParams();
    for (const f of FIELDS) if (draft[f].trim()) p.set(f, draft[f].trim());
    if (!p.get('kind')) p.set('kind', kind);
    cursor.reset();
    setParams(p);
  };
  const field = (f: Field, label: string, hint?: string) => (
    <FormGroup label={label} fieldId={`search-${f}`}>
      <TextInput id={`search-${f}`} value={draft[f]} placeholder={hint} onChange={(_e, v) => setDraft({ ...draft, [f]: v })} data-testid={`search-${f}`} />
    </FormGroup>
  );
  const items = results.data?.items ?? [];
  const now = Date.now();
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('live.searchTitle')}</Title></PageSection>
      <PageSection>
        {syncing.length > 0 && (
          <Alert isInline variant="info" title={t('live.syncing')} data-testid="search-syncing" style={{ marginBottom: 12 }}>
            {t('live.syncingBody', { clusters: syncing.join(', ') })}
          </Alert>
        )}
        <Form onSubmit={(e) => { e.preventDefault(); submit(); }}>
          <Grid hasGutter md={4}>
            <GridItem md={2}>
              <FormGroup label={t('live.kind')} fieldId="search-kind">
                <FormSelect id="search-kind" value={draft.kind || kind} onChange={(_e, v) => setDraft({ ...draft, kind: v })} data-testid="search-kind">
                  {SEARCH_KINDS.map((k) => <FormSelectOption key={k} value={k} label={k} />)}
                </FormSelect>
              </FormGroup>
            </GridItem>
            <GridItem md={2}>{field('q', t('live.nameLike'), 'web-')}</GridItem>
            <GridItem md={2}>{field('clusters', t('live.clusters'), t('live.clustersHint'))}</GridItem>
            <GridItem md={2}>{field('namespaces', t('live.namespaces'), t('live.namespacesHint'))}</GridItem>
            <GridItem md={2}>{field('labelSelector', t('live.labelSelector'), 'app=web')}</GridItem>
            <GridItem md={2} style={{ alignSelf: 'end' }}><Button type="submit" data-testid="search-run">{t('live.run')}</Button></GridItem>
          </Grid>
        </Form>
        <div style={{ marginTop: 16 }}>
          <ErrorAlert error={results.error} />
          {!asked ? (
            <Empty title={t('live.emptyTitle')} body={t('live.emptyBody')} />
          ) : !results.loading && items.length === 0 && !results.error ? (
            <Empty title={t('live.noResults')} body={t('live.noResultsBody', { kind })} />
          ) : (
            <Table variant="compact" aria-label={t('live.results')} data-testid="search-results">
              <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('live.cluster')}</Th><Th>{t('common.namespace')}</Th><Th>{t('live.kind')}</Th>
                <Th>{t('live.status')}</Th><Th>{t('live.age')}</Th></Tr></Thead>
              <Tbody>{items.map((h) => (
                <Tr key={h.cluster + '/' + h.uid + '/' + h.name} data-testid="search-hit">
                  <Td><Link to={hitPath(h)}>{h.name}</Link></Td>
                  <Td>{h.cluster}</Td>
                  <Td>{h.namespace ?? '—'}</Td>
                  <Td>{h.kind}</Td>
                  <Td>{h.status ? <StatusLabel status={h.status} /> : '—'}{h.ready ? ` ${h.ready}` : ''}</Td>
                  <Td>{age(h.created ?? undefined, now)}</Td>
                </Tr>
              ))}</Tbody>
            </Table>
          )}
          {asked && (
            <>
              {results.data?.remainingItemCount ? <div>{t('live.more', { n: results.data.remainingItemCount })}</div> : null}
              <CursorPager cursor={cursor} nextToken={results.data?.continue} />
            </>
          )}
        </div>
      </PageSection>
    </>
  );
}
