// The audit log: filters in the URL, server-side paging, CSV export of everything the filters match.
import { Button, FormSelect, FormSelectOption, PageSection, TextInput, Title, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { managementApi, type AuditFilter } from '../../api/management';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';

const FIELDS = ['actor', 'action', 'kind', 'cluster', 'namespace'] as const;

export function AuditLogPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter: AuditFilter = Object.fromEntries([...FIELDS, 'result'].map((k) => [k, params.get(k) ?? undefined]).filter(([, v]) => v));
  const [draft, setDraft] = useState<AuditFilter>(filter);
  const cursor = useCursor();
  const key = JSON.stringify(filter);
  const list = useAsync(() => managementApi.audit(filter, { limit: 50, continue: cursor.token }), [key, cursor.token]);
  const apply = (f: AuditFilter) => {
    cursor.reset();
    setParams(Object.fromEntries(Object.entries(f).filter(([, v]) => v)) as Record<string, string>);
  };
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('audit.title')}</Title></PageSection>
      <PageSection>
        <form onSubmit={(e) => { e.preventDefault(); apply(draft); }}>
          <Toolbar><ToolbarContent>
            {FIELDS.map((f) => (
              <ToolbarItem key={f}><TextInput aria-label={t(`audit.${f}`)} placeholder={t(`audit.${f}`)} value={draft[f] ?? ''} style={{ width: 150 }}
                onChange={(_e, v) => setDraft({ ...draft, [f]: v })} data-testid={`audit-${f}`} /></ToolbarItem>
            ))}
            <ToolbarItem>
              <FormSelect aria-label={t('audit.result')} value={draft.result ?? ''} onChange={(_e, v) => { const next = { ...draft, result: v }; setDraft(next); apply(next); }}>
                <FormSelectOption value="" label={t('audit.anyResult')} />
                <FormSelectOption value="success" label={t('audit.success')} />
                <FormSelectOption value="failure" label={t('audit.failure')} />
              </FormSelect>
            </ToolbarItem>
            <ToolbarItem><Button type="submit" variant="secondary" data-testid="audit-filter">{t('audit.filter')}</Button></ToolbarItem>
            <ToolbarItem><Button variant="link" component="a" href={managementApi.auditCsvUrl(filter)} download data-testid="audit-export">{t('audit.export')}</Button></ToolbarItem>
          </ToolbarContent></Toolbar>
        </form>
        <ErrorAlert error={list.error} />
        <Table variant="compact" aria-label={t('audit.title')} data-testid="audit-table">
          <Thead><Tr><Th>{t('audit.time')}</Th><Th>{t('audit.actor')}</Th><Th>{t('audit.action')}</Th><Th>{t('audit.target')}</Th><Th>{t('audit.status')}</Th><Th>{t('audit.summary')}</Th></Tr></Thead>
          <Tbody>{(list.data?.items ?? []).map((e) => (
            <Tr key={e.seq}>
              <Td>{new Date(e.time).toLocaleString()}</Td><Td>{e.actor}</Td><Td>{e.action}</Td>
              <Td>{[e.target.cluster, e.target.namespace, e.target.kind, e.target.name].filter(Boolean).join('/')}</Td>
              <Td>{e.status}</Td><Td>{e.summary}</Td>
            </Tr>
          ))}</Tbody>
        </Table>
        <CursorPager cursor={cursor} nextToken={list.data?.continue} />
      </PageSection>
    </>
  );
}
