import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import type { EventSummary } from '../api/types';
import { useT } from '../i18n/I18n';

export function EventTable({ events }: { events: EventSummary[] }) {
  const t = useT();
  if (events.length === 0) return <p>{t('events.none')}</p>;
  return (
    <Table variant="compact" aria-label={t('events.title')} data-testid="event-table">
      <Thead><Tr><Th>{t('events.type')}</Th><Th>{t('events.reason')}</Th><Th>{t('events.object')}</Th><Th>{t('events.message')}</Th><Th>{t('events.count')}</Th><Th>{t('events.last')}</Th></Tr></Thead>
      <Tbody>{events.map((e, i) => (
        <Tr key={i}><Td>{e.type}</Td><Td>{e.reason}</Td><Td>{e.objectKind}/{e.objectName}</Td><Td>{e.message}</Td><Td>{e.count}</Td>
          <Td>{e.last ? new Date(e.last).toLocaleString() : '—'}</Td></Tr>
      ))}</Tbody>
    </Table>
  );
}
