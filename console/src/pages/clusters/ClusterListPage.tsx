import { Button, Label, LabelGroup, PageSection, Title, Toolbar, ToolbarContent, ToolbarItem, TextInput } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { clustersApi } from '../../api/clusters';
import { useAuth } from '../../auth/AuthContext';
import { can } from '../../auth/permissions';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';

const PAGE = 20;

export function ClusterListPage() {
  const t = useT();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const selector = params.get('labelSelector') ?? '';
  const token = params.get('continue') ?? undefined;
  const [draft, setDraft] = useState(selector);
  const [history, setHistory] = useState<string[]>([]);
  const list = useAsync((signal) => clustersApi.list({ limit: PAGE, continue: token, labelSelector: selector || undefined })
    .then((p) => (signal.aborted ? p : p)), [selector, token], 10000);
  const mayCreate = can(me, 'clusters', 'create');
  const go = (next: Record<string, string | undefined>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ labelSelector: selector, ...next })) if (v) p.set(k, v);
    setParams(p);
  };
  const items = list.data?.items ?? [];
  return (
    <>
      <PageSection>
        <Title headingLevel="h1">{t('clusters.title')}</Title>
      </PageSection>
      <PageSection>
        <Toolbar>
          <ToolbarContent>
            <ToolbarItem>
              <form onSubmit={(e) => { e.preventDefault(); setHistory([]); go({ labelSelector: draft, continue: undefined }); }}>
                <TextInput aria-label={t('clusters.labelSelector')} placeholder={t('clusters.labelSelectorHint')} value={draft}
                  onChange={(_e, v) => setDraft(v)} style={{ width: 320 }} />
              </form>
            </ToolbarItem>
            {mayCreate && <ToolbarItem><Button onClick={() => navigate('/clusters/new')} data-testid="integrate-cluster">{t('clusters.integrate')}</Button></ToolbarItem>}
          </ToolbarContent>
        </Toolbar>
        <ErrorAlert error={list.error} />
        {!list.loading && items.length === 0 && !list.error ? (
          <Empty title={t('clusters.emptyTitle')} body={mayCreate ? t('clusters.emptyBody') : t('clusters.emptyBodyViewer')}
            action={mayCreate ? <Button onClick={() => navigate('/clusters/new')}>{t('clusters.integrate')}</Button> : undefined} />
        ) : (
          <Table aria-label={t('clusters.title')} variant="compact" data-testid="cluster-table">
            <Thead><Tr>
              <Th>{t('clusters.name')}</Th><Th>{t('clusters.status')}</Th><Th>{t('clusters.version')}</Th>
              <Th>{t('clusters.nodes')}</Th><Th>{t('clusters.platform')}</Th><Th>{t('clusters.labels')}</Th>
            </Tr></Thead>
            <Tbody>
              {items.map((c) => (
                <Tr key={c.name}>
                  <Td dataLabel={t('clusters.name')}>
                    <Link to={`/clusters/${encodeURIComponent(c.name)}`}>{c.displayName || c.name}</Link>
                    {c.simulated && <> <Label isCompact color="purple" data-testid="simulated">{t('clusters.simulated')}</Label></>}
                  </Td>
                  <Td dataLabel={t('clusters.status')}><StatusLabel status={c.status.phase} /></Td>
                  <Td dataLabel={t('clusters.version')}>{c.status.kubernetesVersion ?? '—'}</Td>
                  <Td dataLabel={t('clusters.nodes')}>{c.status.nodes ? `${c.status.nodes.ready}/${c.status.nodes.total}` : '—'}</Td>
                  <Td dataLabel={t('clusters.platform')}>{c.status.platform ?? '—'}</Td>
                  <Td dataLabel={t('clusters.labels')}>
                    <LabelGroup>{Object.entries(c.labels ?? {}).map(([k, v]) => <Label key={k} isCompact>{k}={v}</Label>)}</LabelGroup>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
        )}
        <Toolbar><ToolbarContent>
          <ToolbarItem><Button variant="secondary" isDisabled={history.length === 0}
            onClick={() => { const prev = history[history.length - 1]; setHistory(history.slice(0, -1)); go({ continue: prev || undefined }); }}>
            {t('common.previous')}</Button></ToolbarItem>
          <ToolbarItem><Button variant="secondary" isDisabled={!list.data?.continueToken}
            onClick={() => { setHistory([...history, token ?? '']); go({ continue: list.data?.continueToken ?? undefined }); }}>
            {t('common.next')}</Button></ToolbarItem>
        </ToolbarContent></Toolbar>
      </PageSection>
    </>
  );
}
