// One group: its description and members; add a user, remove a member (confirmed). Directory (LDAP)
// groups are managed by the directory, so their members are read-only here.
import {
  Breadcrumb, BreadcrumbItem, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  Form, FormGroup, PageSection, TextInput, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { gmApi } from '../../api/gm';
import { managementApi } from '../../api/management';
import { useAuth } from '../../auth/AuthContext';
import { can } from '../../auth/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction, useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { mayManage } from './gmLogic';

export function GroupDetailPage() {
  const t = useT();
  const { me } = useAuth();
  const name = useParams().name ?? '';
  const group = useAsync(() => gmApi.group(name), [name]);
  const [user, setUser] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const users = useAsync(async () => (can(me, 'users', 'list') && user.length > 0
    ? (await managementApi.users({ search: user, limit: 20 })).items.map((u) => u.username) : []), [user, me]);
  const add = useAction(async () => { await gmApi.addMember(name, user.trim()); setUser(''); group.reload(); });
  const editable = mayManage(me, 'groups', 'update') && group.data?.source === 'local';
  const members = group.data?.members ?? [];
  return (
    <>
      <PageSection>
        <Breadcrumb><BreadcrumbItem><Link to="/management/groups">{t('gm.groups.title')}</Link></BreadcrumbItem>
          <BreadcrumbItem isActive>{name}</BreadcrumbItem></Breadcrumb>
        <Title headingLevel="h1">{t('gm.groups.detailTitle', { name })}</Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={group.error} />
        {group.data && (
          <DescriptionList isHorizontal isCompact>
            <DescriptionListGroup><DescriptionListTerm>{t('gm.description')}</DescriptionListTerm>
              <DescriptionListDescription>{group.data.description || '—'}</DescriptionListDescription></DescriptionListGroup>
            <DescriptionListGroup><DescriptionListTerm>{t('gm.source')}</DescriptionListTerm>
              <DescriptionListDescription>{group.data.source}</DescriptionListDescription></DescriptionListGroup>
          </DescriptionList>
        )}
      </PageSection>
      <PageSection>
        <Title headingLevel="h2">{t('gm.groups.members')}</Title>
        {editable && (
          <Form isHorizontal style={{ maxWidth: 640, margin: '12px 0' }} onSubmit={(e) => { e.preventDefault(); if (user.trim()) add.run(); }}>
            <FormGroup label={t('gm.groups.addUser')} fieldId="member-user">
              <TextInput id="member-user" value={user} onChange={(_e, v) => setUser(v)} list="member-user-options" autoComplete="off" />
              <datalist id="member-user-options">{(users.data ?? []).map((u) => <option key={u} value={u} />)}</datalist>
            </FormGroup>
            <ErrorAlert error={add.error} />
            <div><Button type="submit" isDisabled={!user.trim() || add.busy} isLoading={add.busy} data-testid="member-add">{t('gm.groups.add')}</Button></div>
          </Form>
        )}
        {group.data && members.length === 0 ? (
          <Empty title={t('gm.groups.noMembersTitle')} body={t(editable ? 'gm.groups.noMembersBody' : 'gm.groups.noMembersReadOnly')} />
        ) : (
          <Table variant="compact" aria-label={t('gm.groups.members')} data-testid="member-table">
            <Thead><Tr><Th>{t('gm.user')}</Th><Th /></Tr></Thead>
            <Tbody>{members.map((m) => (
              <Tr key={m}><Td>{m}</Td>
                <Td isActionCell>{editable && <Button variant="link" isDanger onClick={() => setRemoving(m)} data-testid={`member-remove-${m}`}>{t('common.remove')}</Button>}</Td>
              </Tr>
            ))}</Tbody>
          </Table>
        )}
      </PageSection>
      {removing && (
        <ConfirmDialog danger title={t('gm.groups.removeTitle', { user: removing, group: name })} body={t('gm.groups.removeBody')}
          confirmLabel={t('common.remove')} onConfirm={async () => { await gmApi.removeMember(name, removing); group.reload(); }}
          onClose={() => setRemoving(null)} />
      )}
    </>
  );
}
