// Role bindings on every scope (filtered in the URL: ?scopeKind=&user=&group=) and the built-in roles
// with their descriptions and permissions, read-only (?tab=roles).
import {
  FormSelect, FormSelectOption, Label, PageSection, SearchInput, Tab, Tabs, TabTitleText, Title, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useSearchParams } from 'react-router-dom';
import { gmApi } from '../../api/gm';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { RoleBindingTable, SCOPE_KINDS } from './RoleBindings';

export function RoleBindingsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'roles' ? 'roles' : 'bindings';
  const scopeKind = params.get('scopeKind') ?? '';
  const user = params.get('user') ?? '';
  const group = params.get('group') ?? '';
  const set = (k: string, v: string) => {
    const p = new URLSearchParams(params);
    if (v) p.set(k, v); else p.delete(k);
    p.delete('continue');
    setParams(p, { replace: true });
  };
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('gm.rb.title')}</Title><p>{t('gm.rb.intro')}</p></PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_e, k) => setParams(k === 'roles' ? { tab: 'roles' } : {}, { replace: true })} mountOnEnter unmountOnExit>
          <Tab eventKey="bindings" title={<TabTitleText>{t('gm.rb.bindingsTab')}</TabTitleText>} data-testid="tab-bindings">
            <Toolbar><ToolbarContent>
              <ToolbarItem>
                <FormSelect aria-label={t('gm.rb.scopeKind')} value={scopeKind} onChange={(_e, v) => set('scopeKind', v)} data-testid="filter-scope-kind">
                  <FormSelectOption value="" label={t('gm.rb.anyScope')} />
                  {SCOPE_KINDS.map((k) => <FormSelectOption key={k} value={k} label={t(`gm.scope.${k}` as Parameters<typeof t>[0])} />)}
                </FormSelect>
              </ToolbarItem>
              <ToolbarItem><SearchInput aria-label={t('gm.rb.filterUser')} placeholder={t('gm.rb.filterUser')} value={user}
                onChange={(_e, v) => set('user', v)} onClear={() => set('user', '')} /></ToolbarItem>
              <ToolbarItem><SearchInput aria-label={t('gm.rb.filterGroup')} placeholder={t('gm.rb.filterGroup')} value={group}
                onChange={(_e, v) => set('group', v)} onClear={() => set('group', '')} /></ToolbarItem>
            </ToolbarContent></Toolbar>
            <RoleBindingTable filter={{ scopeKind: scopeKind || undefined, user: user || undefined, group: group || undefined }}
              emptyBody={t('gm.rb.emptyBody')} />
          </Tab>
          <Tab eventKey="roles" title={<TabTitleText>{t('gm.rb.rolesTab')}</TabTitleText>} data-testid="tab-roles">
            <RoleCatalog />
          </Tab>
        </Tabs>
      </PageSection>
    </>
  );
}

function RoleCatalog() {
  const t = useT();
  const roles = useAsync(() => gmApi.roles(), []);
  return (
    <>
      <ErrorAlert error={roles.error} />
      <Table variant="compact" aria-label={t('gm.rb.rolesTab')} data-testid="role-table">
        <Thead><Tr><Th width={15}>{t('gm.rb.role')}</Th><Th width={10}>{t('gm.rb.boundOn')}</Th><Th width={35}>{t('gm.description')}</Th><Th width={40}>{t('gm.rb.permissions')}</Th></Tr></Thead>
        <Tbody>{(roles.data?.items ?? []).map((r) => (
          <Tr key={r.name}>
            <Td>{r.name}</Td>
            <Td><Label isCompact>{t(`gm.scope.${r.scopeKind}` as Parameters<typeof t>[0])}</Label></Td>
            <Td>{r.description}</Td>
            <Td><ul style={{ margin: 0, paddingLeft: 16 }}>{Object.entries(r.permissions).map(([res, verbs]) => (
              <li key={res}><code>{res}</code>: {verbs.join(', ')}</li>
            ))}</ul></Td>
          </Tr>
        ))}</Tbody>
      </Table>
    </>
  );
}
