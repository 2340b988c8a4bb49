import { Label, PageSection, SearchInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useSearchParams } from 'react-router-dom';
import { managementApi } from '../../api/management';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';

export function UserListPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const cursor = useCursor();
  const list = useAsync(() => managementApi.users({ search: search || undefined, limit: 50, continue: cursor.token }), [search, cursor.token]);
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('users.title')}</Title></PageSection>
      <PageSection>
        <Toolbar><ToolbarContent><ToolbarItem>
          <SearchInput aria-label={t('users.search')} placeholder={t('users.search')} value={search}
            onChange={(_e, v) => { cursor.reset(); setParams(v ? { search: v } : {}); }} onClear={() => setParams({})} />
        </ToolbarItem></ToolbarContent></Toolbar>
        <ErrorAlert error={list.error} />
        <Table variant="compact" aria-label={t('users.title')} data-testid="user-table">
          <Thead><Tr><Th>{t('users.username')}</Th><Th>{t('users.displayName')}</Th><Th>{t('users.source')}</Th><Th>{t('pods.status')}</Th><Th>{t('users.lastLogin')}</Th></Tr></Thead>
          <Tbody>{(list.data?.items ?? []).map((u) => (
            <Tr key={u.username}>
              <Td>{u.username}</Td><Td>{u.displayName ?? '—'}</Td><Td>{u.source}</Td>
              <Td>{!u.enabled ? <Label color="grey">{t('users.disabled')}</Label> : u.locked ? <Label color="red">{t('users.locked')}</Label> : <Label color="green">{t('users.active')}</Label>}</Td>
              <Td>{u.lastLoginAt ? new Date(u.lastLoginAt).toLocaleString() : '—'}</Td>
            </Tr>
          ))}</Tbody>
        </Table>
        <CursorPager cursor={cursor} nextToken={list.data?.continue} />
      </PageSection>
    </>
  );
}
