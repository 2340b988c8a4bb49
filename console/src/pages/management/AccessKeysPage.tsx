// The signed-in user's access keys: create (the secret is shown once), list, revoke.
import { Alert, Button, ClipboardCopy, Form, FormGroup, PageSection, TextInput, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { accessKeysApi, type AccessKey, type CreatedKey } from '../../api/accessKeys';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormField, toInt } from '../workloads/FormField';
import { useAction, useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';

export function AccessKeysPage() {
  const t = useT();
  const keys = useAsync(() => accessKeysApi.list(), []);
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<AccessKey | null>(null);
  const create = useAction(async () => { setCreated(await accessKeysApi.create(name, toInt(days))); setName(''); keys.reload(); });
  const when = (v?: string | null) => (v ? new Date(v).toLocaleString() : '—');
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('keys.title')}</Title><p>{t('keys.intro')}</p></PageSection>
      <PageSection>
        {created && (
          <Alert isInline variant="success" title={t('keys.created', { name: created.name })} data-testid="key-created" style={{ marginBottom: 16 }}>
            <p>{t('keys.secretOnce')}</p>
            <ClipboardCopy isReadOnly hoverTip={t('keys.copy')} clickTip={t('keys.copied')}>{created.secret}</ClipboardCopy>
          </Alert>
        )}
        <Form isHorizontal style={{ maxWidth: 640 }} onSubmit={(e) => { e.preventDefault(); create.run(); }}>
          <FormGroup label={t('keys.name')} isRequired fieldId="key-name">
            <TextInput id="key-name" value={name} onChange={(_e, v) => setName(v)} />
          </FormGroup>
          <FormField id="key-days" label={t('keys.expiresInDays')} type="number" value={days} onChange={setDays} hint={t('keys.expiresHint')} />
          <ErrorAlert error={create.error} />
          <div><Button type="submit" isDisabled={!name.trim() || create.busy} isLoading={create.busy} data-testid="key-create">{t('keys.create')}</Button></div>
        </Form>
      </PageSection>
      <PageSection>
        <ErrorAlert error={keys.error} />
        {keys.data && keys.data.items.length === 0 ? <Empty title={t('keys.emptyTitle')} body={t('keys.emptyBody')} /> : (
          <Table variant="compact" aria-label={t('keys.title')} data-testid="key-table">
            <Thead><Tr><Th>{t('keys.name')}</Th><Th>{t('keys.createdAt')}</Th><Th>{t('keys.expiresAt')}</Th><Th>{t('keys.lastUsed')}</Th><Th /></Tr></Thead>
            <Tbody>{(keys.data?.items ?? []).map((k) => (
              <Tr key={k.id}><Td>{k.name}</Td><Td>{when(k.createdAt)}</Td><Td>{when(k.expiresAt)}</Td><Td>{when(k.lastUsedAt)}</Td>
                <Td><Button variant="link" isDanger onClick={() => setRevoking(k)}>{t('keys.revoke')}</Button></Td></Tr>
            ))}</Tbody>
          </Table>
        )}
      </PageSection>
      {revoking && (
        <ConfirmDialog danger title={t('keys.revokeTitle', { name: revoking.name })} body={t('keys.revokeBody')} confirmLabel={t('keys.revoke')}
          onConfirm={async () => { await accessKeysApi.remove(revoking.id); keys.reload(); }} onClose={() => setRevoking(null)} />
      )}
    </>
  );
}
