// Groups: a paged list, create, delete (confirmed); a group's detail page manages its members.
import { Button, Label, PageSection, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { gmApi, type Group } from '../../api/gm';
import { useAuth } from '../../auth/AuthContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { Empty } from '../../components/Empty';
import { ErrorAlert, fieldMessage } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { FormField } from '../workloads/FormField';
import { GmModal } from './GmModal';
import { accountProblem, mayManage } from './gmLogic';
import { useProblemText } from './useProblemText';

export function GroupsPage() {
  const t = useT();
  const { me } = useAuth();
  const cursor = useCursor();
  const list = useAsync(() => gmApi.groups({ limit: 50, continue: cursor.token }), [cursor.token]);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<Group | null>(null);
  const mayCreate = mayManage(me, 'groups', 'create');
  const mayDelete = mayManage(me, 'groups', 'delete');
  const createButton = mayCreate && (
    <Button onClick={() => setCreating(true)} data-testid="group-create">{t('gm.groups.create')}</Button>
  );
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('gm.groups.title')}</Title><p>{t('gm.groups.intro')}</p></PageSection>
      <PageSection>
        <Toolbar><ToolbarContent><ToolbarItem>{createButton}</ToolbarItem></ToolbarContent></Toolbar>
        <ErrorAlert error={list.error} />
        {list.data && list.data.items.length === 0 && !cursor.token ? (
          <Empty title={t('gm.groups.emptyTitle')} body={t(mayCreate ? 'gm.groups.emptyBody' : 'gm.groups.emptyBodyReadOnly')} />
        ) : (
          <Table variant="compact" aria-label={t('gm.groups.title')} data-testid="group-table">
            <Thead><Tr><Th>{t('common.name')}</Th><Th>{t('gm.description')}</Th><Th>{t('gm.source')}</Th><Th>{t('gm.createdAt')}</Th><Th /></Tr></Thead>
            <Tbody>{(list.data?.items ?? []).map((g) => (
              <Tr key={g.name} data-testid="group-row">
                <Td><Link to={`/management/groups/${encodeURIComponent(g.name)}`}>{g.name}</Link></Td>
                <Td>{g.description || '—'}</Td>
                <Td><Label isCompact>{g.source}</Label></Td>
                <Td>{new Date(g.createdAt).toLocaleString()}</Td>
                <Td isActionCell>{mayDelete && (
                  <Button variant="link" isDanger onClick={() => setDeleting(g)} data-testid={`group-delete-${g.name}`}>{t('gm.delete')}</Button>
                )}</Td>
              </Tr>
            ))}</Tbody>
          </Table>
        )}
        <CursorPager cursor={cursor} nextToken={list.data?.continue} />
      </PageSection>
      {creating && <CreateGroupModal onClose={() => setCreating(false)} onCreated={list.reload} />}
      {deleting && (
        <ConfirmDialog danger title={t('gm.groups.deleteTitle', { name: deleting.name })} body={t('gm.groups.deleteBody')}
          confirmLabel={t('gm.delete')} typeToConfirm={deleting.name}
          onConfirm={async () => { await gmApi.deleteGroup(deleting.name); list.reload(); }} onClose={() => setDeleting(null)} />
      )}
    </>
  );
}

function CreateGroupModal({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const problemText = useProblemText();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const problem = accountProblem(name);
  return (
    <GmModal title={t('gm.groups.create')} submitLabel={t('common.create')} ready={!problem} testId="group-create-modal"
      onSubmit={async () => { await gmApi.createGroup({ name, description: description || undefined }); onCreated(); }} onClose={onClose}>
      {(error) => (
        <>
          <FormField id="group-name" label={t('common.name')} required value={name} onChange={setName}
            error={(name && problem ? problemText(problem) : undefined) ?? fieldMessage(error, 'name')} />
          <FormField id="group-description" label={t('gm.description')} value={description} onChange={setDescription}
            error={fieldMessage(error, 'description')} />
        </>
      )}
    </GmModal>
  );
}
