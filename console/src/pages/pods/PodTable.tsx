import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { Link } from 'react-router-dom';
import type { PodSummary } from '../../api/types';
import { StatusLabel } from '../../components/StatusLabel';
import { useT } from '../../i18n/I18n';
import { podPath } from '../workloads/paths';

export function PodTable({ cluster, pods }: { cluster: string; pods: PodSummary[] }) {
  const t = useT();
  return (
    <Table variant="compact" aria-label={t('nav.pods')} data-testid="pod-table">
      <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('pods.status')}</Th><Th>{t('pods.ready')}</Th><Th>{t('pods.restarts')}</Th><Th>{t('pods.node')}</Th><Th>{t('pods.ip')}</Th></Tr></Thead>
      <Tbody>{pods.map((p) => (
        <Tr key={p.name}>
          <Td><Link to={podPath(cluster, p.namespace, p.name)}>{p.name}</Link></Td>
          <Td><StatusLabel status={p.phase} /></Td>
          <Td>{p.ready}</Td><Td>{p.restarts}</Td><Td>{p.node ?? '—'}</Td><Td>{p.podIp ?? '—'}</Td>
        </Tr>
      ))}</Tbody>
    </Table>
  );
}
