import { Card, CardBody, CardTitle, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  Gallery, Label, PageSection, Spinner, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { lazy, Suspense } from 'react';
import { useParams } from 'react-router-dom';
import { clustersApi } from '../../api/clusters';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { formatBytes, formatCores } from './units';

const UsageBars = lazy(() => import('../../components/UsageBars'));

function Counts({ title, counts, testId }: { title: string; counts: Record<string, number>; testId: string }) {
  const entries = Object.entries(counts);
  return (
    <Card data-testid={testId}><CardTitle>{title}</CardTitle><CardBody>
      {entries.length === 0 ? '—' : entries.map(([k, v]) => <div key={k}><StatusLabel status={k} /> {v}</div>)}
    </CardBody></Card>
  );
}

export function ClusterOverviewPage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const info = useAsync(() => clustersApi.get(cluster), [cluster], 15000);
  const overview = useAsync(() => clustersApi.overview(cluster), [cluster], 15000);
  const c = info.data;
  const o = overview.data;
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.overview') }]} />
      <PageSection>
        <Title headingLevel="h1">{c?.displayName || cluster} {c?.simulated && <Label color="purple">{t('clusters.simulated')}</Label>}</Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={info.error ?? overview.error} />
        {c && (
          <DescriptionList isHorizontal columnModifier={{ default: '3Col' }} style={{ marginBottom: 16 }}>
            <DescriptionListGroup><DescriptionListTerm>{t('clusters.status')}</DescriptionListTerm>
              <DescriptionListDescription><StatusLabel status={c.status.phase} /> {c.status.lastError}</DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>{t('clusters.version')}</DescriptionListTerm>
              <DescriptionListDescription>{c.status.kubernetesVersion ?? '—'}</DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>{t('clusters.platform')}</DescriptionListTerm>
              <DescriptionListDescription>{c.status.platform ?? '—'}</DescriptionListDescription></DescriptionListGroup>
          </DescriptionList>
        )}
        {!o && !overview.error && <Spinner aria-label={t('common.loading')} />}
        {o && (
          <Gallery hasGutter minWidths={{ default: '260px' }}>
            <Card data-testid="overview-nodes"><CardTitle>{t('overview.nodes')}</CardTitle><CardBody>
              {t('overview.nodeCounts', { ready: o.nodes.ready, total: o.nodes.total, notReady: o.nodes.notReady, cordoned: o.nodes.cordoned })}
            </CardBody></Card>
            <Counts title={t('overview.pods')} counts={o.podPhases} testId="overview-pods" />
            <Counts title={t('overview.workloads')} counts={o.workloadStates} testId="overview-workloads" />
            <Card style={{ gridColumn: 'span 2' }}><CardTitle>{t('overview.usage')}</CardTitle><CardBody>
              <Suspense fallback={<Spinner size="md" />}>
                <UsageBars bars={[
                  { label: t('overview.cpu'), requested: o.cpu.requested, allocatable: o.cpu.allocatable, format: formatCores },
                  { label: t('overview.memory'), requested: o.memory.requested, allocatable: o.memory.allocatable, format: formatBytes },
                ]} />
              </Suspense>
            </CardBody></Card>
          </Gallery>
        )}
      </PageSection>
      {o && (
        <PageSection>
          <Title headingLevel="h2">{t('overview.warnings')}</Title>
          {o.warnings.length === 0 ? <p>{t('overview.noWarnings')}</p> : (
            <Table variant="compact" aria-label={t('overview.warnings')}>
              <Thead><Tr><Th>{t('events.reason')}</Th><Th>{t('events.object')}</Th><Th>{t('events.message')}</Th><Th>{t('events.count')}</Th></Tr></Thead>
              <Tbody>{o.warnings.map((w, i) => (
                <Tr key={i}><Td>{w.reason}</Td><Td>{w.objectKind}/{w.objectName}</Td><Td>{w.message}</Td><Td>{w.count}</Td></Tr>
              ))}</Tbody>
            </Table>
          )}
        </PageSection>
      )}
    </>
  );
}
