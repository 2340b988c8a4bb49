import { Alert, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, PageSection, Tab, Tabs, TabTitleText, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { workloadsApi } from '../../api/workloads';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace } from '../../auth/permissions';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EventTable } from '../../components/EventTable';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { PodTable } from '../pods/PodTable';
import { WorkloadActions } from './WorkloadActions';
import { objectToYaml } from './workloadForm';
import { YamlApplyPanel } from './YamlApplyPanel';

const TABS = ['pods', 'revisions', 'events', 'conditions', 'yaml'] as const;

export function WorkloadDetailPage() {
  const t = useT();
  const { me } = useAuth();
  const { cluster, namespace, kind, name } = useParams() as { cluster: string; namespace: string; kind: string; name: string };
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'pods';
  const key = [cluster, namespace, kind, name];
  const summary = useAsync(() => workloadsApi.get(cluster, namespace, kind, name), key, 3000);
  const object = useAsync(() => workloadsApi.object(cluster, namespace, kind, name), key);
  const pods = useAsync(() => workloadsApi.pods(cluster, namespace, kind, name), key, 3000);
  const revisions = useAsync(() => workloadsApi.revisions(cluster, namespace, kind, name).catch(() => []), key);
  const events = useAsync(() => workloadsApi.events(cluster, namespace, kind, name), [...key, tab === 'events'], tab === 'events' ? 5000 : undefined);
  const [yaml, setYaml] = useState<string | null>(null);
  const [applied, setApplied] = useState(false);
  const yamlLoaded = useRef(false);
  useEffect(() => {
    if (object.data && !yamlLoaded.current) { yamlLoaded.current = true; setYaml(objectToYaml(object.data)); }
  }, [object.data]);
  const mayEdit = canEditNamespace(me, cluster, namespace);
  const w = summary.data;
  const paused = !!(object.data?.spec as { paused?: boolean; suspend?: boolean } | undefined)?.paused
    || !!(object.data?.spec as { suspend?: boolean } | undefined)?.suspend;
  const refresh = () => { summary.reload(); object.reload(); pods.reload(); revisions.reload(); };
  const listPath = `/clusters/${encodeURIComponent(cluster)}/workloads?namespace=${encodeURIComponent(namespace)}`;
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.workloads'), to: listPath }, { label: namespace, to: listPath }, { label: name }]} />
      <PageSection>
        <Title headingLevel="h1">{t(`kind.${kind}` as never)} {name} {w && <StatusLabel status={w.state} />}</Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={summary.error} />
        {w && (
          <>
            <DescriptionList isHorizontal columnModifier={{ default: '3Col' }} style={{ marginBottom: 16 }}>
              <DescriptionListGroup><DescriptionListTerm>{t('common.namespace')}</DescriptionListTerm><DescriptionListDescription>{w.namespace}</DescriptionListDescription></DescriptionListGroup>
              <DescriptionListGroup><DescriptionListTerm>{t('workloads.replicas')}</DescriptionListTerm>
                <DescriptionListDescription data-testid="detail-replicas">{t('workloads.replicaCounts', { ready: w.ready, desired: w.desired, available: w.available, updated: w.updated })}</DescriptionListDescription></DescriptionListGroup>
              <DescriptionListGroup><DescriptionListTerm>{t('workloads.images')}</DescriptionListTerm><DescriptionListDescription data-testid="detail-images">{w.images.join(', ')}</DescriptionListDescription></DescriptionListGroup>
            </DescriptionList>
            {paused && <Alert isInline variant="info" title={t('workloads.paused')} style={{ marginBottom: 12 }} />}
            {mayEdit && <WorkloadActions cluster={cluster} w={w} kind={kind} paused={paused} revisions={revisions.data ?? []}
              onDone={refresh} onDeleted={() => navigate(listPath)} />}
          </>
        )}
      </PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_e, k) => setParams({ tab: String(k) }, { replace: true })} mountOnEnter unmountOnExit>
          <Tab eventKey="pods" title={<TabTitleText>{t('nav.pods')}</TabTitleText>}>
            <ErrorAlert error={pods.error} />
            {pods.data && (pods.data.length === 0 ? <p>{t('workloads.noPods')}</p> : <PodTable cluster={cluster} pods={pods.data} />)}
          </Tab>
          <Tab eventKey="revisions" title={<TabTitleText>{t('revisions.title')}</TabTitleText>} data-testid="tab-revisions">
            <Table variant="compact" aria-label={t('revisions.title')}>
              <Thead><Tr><Th>{t('revisions.revision')}</Th><Th>{t('workloads.images')}</Th><Th>{t('revisions.source')}</Th><Th>{t('revisions.created')}</Th></Tr></Thead>
              <Tbody>{(revisions.data ?? []).map((r) => (
                <Tr key={r.revision}><Td>#{r.revision} {r.current ? `(${t('revisions.current')})` : ''}</Td><Td>{r.images.join(', ')}</Td><Td>{r.source}</Td>
                  <Td>{r.createdAt ? new Date(r.createdAt).toLocaleString() : '—'}</Td></Tr>
              ))}</Tbody>
            </Table>
          </Tab>
          <Tab eventKey="events" title={<TabTitleText>{t('events.title')}</TabTitleText>}>
            <ErrorAlert error={events.error} />
            {events.data && <EventTable events={events.data} />}
          </Tab>
          <Tab eventKey="conditions" title={<TabTitleText>{t('workloads.conditions')}</TabTitleText>}>
            <Table variant="compact" aria-label={t('workloads.conditions')}>
              <Thead><Tr><Th>{t('workloads.conditionType')}</Th><Th>{t('workloads.conditionStatus')}</Th></Tr></Thead>
              <Tbody>{Object.entries(w?.conditions ?? {}).map(([k, v]) => <Tr key={k}><Td>{k}</Td><Td>{v}</Td></Tr>)}</Tbody>
            </Table>
          </Tab>
          <Tab eventKey="yaml" title={<TabTitleText>{t('yaml.title')}</TabTitleText>} data-testid="tab-yaml">
            {applied && <Alert isInline variant="success" title={t('yaml.applied')} data-testid="applied" />}
            {yaml !== null && <YamlApplyPanel cluster={cluster} namespace={namespace} yaml={yaml} onYaml={(y) => { setYaml(y); setApplied(false); }}
              readOnly={!mayEdit} onApplied={() => { setApplied(true); refresh(); }} />}
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}
