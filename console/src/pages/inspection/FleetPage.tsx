// The fleet: latest inspection score per cluster (lowest first) and the worst findings across clusters.
import { PageSection, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router-dom';
import { inspectionsApi } from '../../api/inspections';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { FindingTable } from './InspectionPage';
import { BAND_COLOUR, scoreBand } from './inspection';

export function FleetPage() {
  const t = useT();
  const fleet = useAsync(() => inspectionsApi.fleet(), [], 30000);
  const clusters = fleet.data?.clusters ?? [];
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('fleet.title')}</Title></PageSection>
      <PageSection>
        <ErrorAlert error={fleet.error} />
        {fleet.data && clusters.length === 0 && <Empty title={t('fleet.emptyTitle')} body={t('fleet.emptyBody')} />}
        {clusters.length > 0 && (
          <Table variant="compact" aria-label={t('fleet.title')} data-testid="fleet-table">
            <Thead><Tr>
              <Th>{t('audit.cluster')}</Th><Th>{t('inspection.score')}</Th><Th>{t('inspection.severity.critical')}</Th>
              <Th>{t('inspection.severity.warning')}</Th><Th>{t('inspection.severity.info')}</Th><Th>{t('fleet.inspectedAt')}</Th>
            </Tr></Thead>
            <Tbody>{clusters.map((c) => (
              <Tr key={c.cluster}>
                <Td><Link to={`/clusters/${encodeURIComponent(c.cluster)}/inspection`}>{c.cluster}</Link></Td>
                <Td><strong style={{ color: BAND_COLOUR[scoreBand(c.score)] }} data-testid={`fleet-score-${c.cluster}`}>{c.score}</strong>
                  {!c.complete && <small> {t('fleet.partial')}</small>}</Td>
                <Td>{c.critical}</Td><Td>{c.warning}</Td><Td>{c.info}</Td>
                <Td>{new Date(c.finishedAt).toLocaleString()}</Td>
              </Tr>
            ))}</Tbody>
          </Table>
        )}
        {(fleet.data?.worst.length ?? 0) > 0 && (
          <>
            <Title headingLevel="h2" style={{ marginTop: 24 }}>{t('fleet.worst')}</Title>
            <FindingTable findings={fleet.data!.worst} showCluster />
          </>
        )}
      </PageSection>
    </>
  );
}
