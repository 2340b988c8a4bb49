import { Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, PageSection, Tab, Tabs, TabTitleText, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { podsApi } from '../../api/pods';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace } from '../../auth/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EventTable } from '../../components/EventTable';
import { ScopeBar } from '../../components/ScopeBar';
import { StatusLabel } from '../../components/StatusLabel';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { PodLogs } from './PodLogs';

export function PodDetailPage() {
  const t = useT();
  const { me } = useAuth();
  const navigate = useNavigate();
  const { cluster, namespace, name } = useParams() as { cluster: string; namespace: string; name: string };
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'containers';
  const pod = useAsync(() => podsApi.get(cluster, namespace, name), [cluster, namespace, name], 5000);
  const events = useAsync(() => podsApi.events(cluster, namespace, name), [cluster, namespace, name, tab === 'events']);
  const [deleting, setDeleting] = useState(false);
  const p = pod.data;
  const listPath = `/clusters/${encodeURIComponent(cluster)}/pods?namespace=${encodeURIComponent(namespace)}`;
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.pods'), to: listPath }, { label: namespace, to: listPath }, { label: name }]} />
      <PageSection>
        <Title headingLevel="h1">{t('pods.pod')} {name} {p && <StatusLabel status={p.phase} />}</Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={pod.error} />
        {p && (
          <DescriptionList isHorizontal columnModifier={{ default: '3Col' }}>
            <DescriptionListGroup><DescriptionListTerm>{t('pods.node')}</DescriptionListTerm><DescriptionListDescription>{p.node ?? '—'}</DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>{t('pods.ip')}</DescriptionListTerm><DescriptionListDescription>{p.podIp ?? '—'}</DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>{t('pods.restarts')}</DescriptionListTerm><DescriptionListDescription>{p.restarts}</DescriptionListDescription></DescriptionListGroup>
          </DescriptionList>
        )}
        {p && canEditNamespace(me, cluster, namespace) && (
          <Button variant="danger" style={{ marginTop: 12 }} onClick={() => setDeleting(true)} data-testid="pod-delete">{t('actions.delete')}</Button>
        )}
        {deleting && (
          <ConfirmDialog danger title={t('pods.deleteTitle', { name })} body={t('pods.deleteBody')} confirmLabel={t('actions.delete')}
            onConfirm={async () => { await podsApi.remove(cluster, namespace, name); navigate(listPath); }} onClose={() => setDeleting(false)} />
        )}
      </PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_e, k) => setParams({ tab: String(k) }, { replace: true })} mountOnEnter unmountOnExit>
          <Tab eventKey="containers" title={<TabTitleText>{t('pods.containers')}</TabTitleText>}>
            <Table variant="compact" aria-label={t('pods.containers')}>
              <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('form.image')}</Th><Th>{t('pods.status')}</Th><Th>{t('pods.ready')}</Th><Th>{t('pods.restarts')}</Th></Tr></Thead>
              <Tbody>{(p?.containers ?? []).map((c) => (
                <Tr key={c.name}><Td>{c.name}</Td><Td>{c.image}</Td><Td>{c.state}</Td><Td>{c.ready ? '✓' : '—'}</Td><Td>{c.restartCount}</Td></Tr>
              ))}</Tbody>
            </Table>
          </Tab>
          <Tab eventKey="logs" title={<TabTitleText>{t('logs.title')}</TabTitleText>} data-testid="tab-logs">
            {p && <PodLogs cluster={cluster} namespace={namespace} pod={name} containers={p.containers.map((c) => c.name)} />}
          </Tab>
          <Tab eventKey="events" title={<TabTitleText>{t('events.title')}</TabTitleText>}>
            <ErrorAlert error={events.error} />
            {events.data && <EventTable events={events.data} />}
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}
