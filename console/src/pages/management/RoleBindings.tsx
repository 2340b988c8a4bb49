// Role bindings: a filtered, paged table with revoke (confirmed), and the grant dialog (subject, scope,
// a role valid for that scope). Used by the role-bindings page and on folder and workspace pages.
import { Button, FormGroup, FormHelperText, HelperText, HelperTextItem, FormSelect, FormSelectOption, TextInput, ToggleGroup, ToggleGroupItem, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { clustersApi } from '../../api/clusters';
import { gmApi, type RoleBinding, type RoleBindingFilter, type ScopeKind, type ScopeRef, type Subject } from '../../api/gm';
import { useAuth } from '../../auth/AuthContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { Empty } from '../../components/Empty';
import { ErrorAlert, fieldMessage } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { GmModal } from './GmModal';
import { cleanScope, mayManage, rolesForScope, scopeLabel, scopeProblems } from './gmLogic';

export const SCOPE_KINDS: ScopeKind[] = ['platform', 'folder', 'workspace', 'cluster', 'namespace'];

interface TableProps {
  filter: RoleBindingFilter;
  /** the scope new grants go to (the kind and name are then fixed) */
  fixedScope?: ScopeRef;
  /** workspace the bindings belong to, for a Workspace Admin's rights */
  workspace?: string;
  emptyBody: string;
}

export function RoleBindingTable({ filter, fixedScope, workspace, emptyBody }: TableProps) {
  const t = useT();
  const { me } = useAuth();
  const cursor = useCursor();
  const key = JSON.stringify(filter);
  const list = useAsync(() => gmApi.roleBindings(filter, { limit: 50, continue: cursor.token }), [key, cursor.token]);
  const [granting, setGranting] = useState(false);
  const [revoking, setRevoking] = useState<RoleBinding | null>(null);
  const mayGrant = mayManage(me, 'rolebindings', 'create', workspace);
  const mayRevoke = mayManage(me, 'rolebindings', 'delete', workspace);
  return (
    <>
      {mayGrant && (
        <Toolbar><ToolbarContent><ToolbarItem>
          <Button onClick={() => setGranting(true)} data-testid="grant-role">{t('gm.rb.grant')}</Button>
        </ToolbarItem></ToolbarContent></Toolbar>
      )}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && !cursor.token ? <Empty title={t('gm.rb.emptyTitle')} body={emptyBody} /> : (
        <Table variant="compact" aria-label={t('gm.rb.title')} data-testid="rolebinding-table">
          <Thead><Tr><Th>{t('gm.rb.subject')}</Th><Th>{t('gm.rb.role')}</Th><Th>{t('gm.rb.scope')}</Th><Th>{t('gm.createdAt')}</Th><Th /></Tr></Thead>
          <Tbody>{(list.data?.items ?? []).map((b) => (
            <Tr key={b.id} data-testid="rolebinding-row">
              <Td>{t(b.subject.kind === 'user' ? 'gm.user' : 'gm.group')}: {b.subject.name}</Td>
              <Td>{b.role}</Td>
              <Td>{scopeLabel(b.scope)}</Td>
              <Td>{new Date(b.createdAt).toLocaleString()}</Td>
              <Td isActionCell>{mayRevoke && (
                <Button variant="link" isDanger onClick={() => setRevoking(b)} data-testid="rolebinding-revoke">{t('gm.rb.revoke')}</Button>
              )}</Td>
            </Tr>
          ))}</Tbody>
        </Table>
      )}
      <CursorPager cursor={cursor} nextToken={list.data?.continue} />
      {granting && <GrantModal fixedScope={fixedScope} onClose={() => setGranting(false)} onGranted={list.reload} />}
      {revoking && (
        <ConfirmDialog danger title={t('gm.rb.revokeTitle', { role: revoking.role, subject: revoking.subject.name })}
          body={t('gm.rb.revokeBody', { scope: scopeLabel(revoking.scope) })} confirmLabel={t('gm.rb.revoke')}
          onConfirm={async () => { await gmApi.deleteRoleBinding(revoking.id); list.reload(); }} onClose={() => setRevoking(null)} />
      )}
    </>
  );
}

function GrantModal({ fixedScope, onClose, onGranted }: { fixedScope?: ScopeRef; onClose: () => void; onGranted: () => void }) {
  const t = useT();
  const [subject, setSubject] = useState<Subject>({ kind: 'user', name: '' });
  const [scope, setScope] = useState<ScopeRef>(fixedScope ?? { kind: 'workspace' });
  const [role, setRole] = useState('');
  const roles = useAsync(() => gmApi.roles(), []);
  const valid = rolesForScope(roles.data?.items ?? [], scope.kind);
  const chosen = valid.some((r) => r.name === role) ? role : '';
  const ready = !!subject.name.trim() && !!chosen && scopeProblems(scope).length === 0;
  return (
    <GmModal title={t('gm.rb.grant')} submitLabel={t('gm.rb.grant')} ready={ready} onClose={onClose}
      onSubmit={async () => {
        await gmApi.createRoleBinding({ subject: { kind: subject.kind, name: subject.name.trim() }, role: chosen, scope: cleanScope(scope) });
        onGranted();
      }}>
      {(error) => (
        <>
          <FormGroup label={t('gm.rb.subjectKind')} fieldId="subject-kind">
            <ToggleGroup aria-label={t('gm.rb.subjectKind')}>
              <ToggleGroupItem text={t('gm.user')} buttonId="subject-user" isSelected={subject.kind === 'user'} onChange={() => setSubject({ ...subject, kind: 'user' })} />
              <ToggleGroupItem text={t('gm.group')} buttonId="subject-group" isSelected={subject.kind === 'group'} onChange={() => setSubject({ ...subject, kind: 'group' })} />
            </ToggleGroup>
          </FormGroup>
          <FormGroup label={t('gm.rb.subjectName')} isRequired fieldId="subject-name">
            <TextInput id="subject-name" value={subject.name} onChange={(_e, v) => setSubject({ ...subject, name: v })}
              validated={fieldMessage(error, 'subject') ? 'error' : 'default'} />
            <FieldMessage text={fieldMessage(error, 'subject') ?? fieldMessage(error, 'name')} id="subject-name" />
          </FormGroup>
          {fixedScope ? (
            <FormGroup label={t('gm.rb.scope')} fieldId="scope-fixed"><TextInput id="scope-fixed" value={scopeLabel(fixedScope)} isDisabled /></FormGroup>
          ) : <ScopePicker scope={scope} onChange={setScope} />}
          <FormGroup label={t('gm.rb.role')} isRequired fieldId="grant-role-select">
            <FormSelect id="grant-role-select" value={chosen} onChange={(_e, v) => setRole(v)} data-testid="grant-role-select">
              <FormSelectOption value="" label={t('gm.rb.pickRole')} isPlaceholder />
              {valid.map((r) => <FormSelectOption key={r.name} value={r.name} label={`${r.name} — ${r.description}`} />)}
            </FormSelect>
            <FieldMessage text={fieldMessage(error, 'role')} id="grant-role" />
          </FormGroup>
        </>
      )}
    </GmModal>
  );
}

function FieldMessage({ text, id }: { text?: string; id: string }) {
  if (!text) return null;
  return <FormHelperText><HelperText><HelperTextItem variant="error" data-testid={`error-${id}`}>{text}</HelperTextItem></HelperText></FormHelperText>;
}

/** Scope kind and its object: folder or workspace by name, cluster, namespace of a cluster. */
export function ScopePicker({ scope, onChange }: { scope: ScopeRef; onChange: (s: ScopeRef) => void }) {
  const t = useT();
  const folders = useAsync(() => (scope.kind === 'folder' ? gmApi.allFolders() : Promise.resolve([])), [scope.kind]);
  const workspaces = useAsync(() => (scope.kind === 'workspace' ? gmApi.allWorkspaces() : Promise.resolve([])), [scope.kind]);
  const clusters = useAsync(() => (scope.kind === 'cluster' || scope.kind === 'namespace' ? clustersApi.list({ limit: 500 }) : Promise.resolve({ items: [] })), [scope.kind]);
  return (
    <>
      <FormGroup label={t('gm.rb.scopeKind')} fieldId="scope-kind">
        <FormSelect id="scope-kind" value={scope.kind} onChange={(_e, v) => onChange({ kind: v as ScopeKind })} data-testid="scope-kind">
          {SCOPE_KINDS.map((k) => <FormSelectOption key={k} value={k} label={t(`gm.scope.${k}` as Parameters<typeof t>[0])} />)}
        </FormSelect>
      </FormGroup>
      {(scope.kind === 'folder' || scope.kind === 'workspace') && (
        <FormGroup label={t(scope.kind === 'folder' ? 'gm.scope.folder' : 'gm.scope.workspace')} isRequired fieldId="scope-name">
          <FormSelect id="scope-name" value={scope.name ?? ''} onChange={(_e, v) => onChange({ ...scope, name: v })} data-testid="scope-name">
            <FormSelectOption value="" label={t('gm.pick')} isPlaceholder />
            {(scope.kind === 'folder' ? folders.data ?? [] : workspaces.data ?? []).map((o) => <FormSelectOption key={o.name} value={o.name} label={o.name} />)}
          </FormSelect>
        </FormGroup>
      )}
      {(scope.kind === 'cluster' || scope.kind === 'namespace') && (
        <ClusterNamespacePicker cluster={scope.cluster ?? ''} namespace={scope.kind === 'namespace' ? scope.namespace ?? '' : undefined}
          clusters={(clusters.data?.items ?? []).map((c) => c.name)} onChange={(c, ns) => onChange({ ...scope, cluster: c, namespace: ns })} />
      )}
    </>
  );
}

/** A cluster picker and, when namespace is not undefined, a picker of that cluster's namespaces. */
export function ClusterNamespacePicker({ cluster, namespace, clusters, onChange, allowWhole }: {
  cluster: string; namespace?: string; clusters: string[]; onChange: (cluster: string, namespace?: string) => void;
  /** offer "whole cluster" as the first namespace choice */ allowWhole?: boolean;
}) {
  const t = useT();
  const namespaces = useAsync(() => (cluster && namespace !== undefined ? clustersApi.namespaces(cluster) : Promise.resolve([])), [cluster, namespace !== undefined]);
  return (
    <>
      <FormGroup label={t('gm.scope.cluster')} isRequired fieldId="pick-cluster">
        <FormSelect id="pick-cluster" value={cluster} onChange={(_e, v) => onChange(v, namespace === undefined ? undefined : '')} data-testid="pick-cluster">
          <FormSelectOption value="" label={t('gm.pick')} isPlaceholder />
          {clusters.map((c) => <FormSelectOption key={c} value={c} label={c} />)}
        </FormSelect>
      </FormGroup>
      {namespace !== undefined && (
        <FormGroup label={t('gm.scope.namespace')} isRequired={!allowWhole} fieldId="pick-namespace">
          <FormSelect id="pick-namespace" value={namespace} onChange={(_e, v) => onChange(cluster, v)} data-testid="pick-namespace" isDisabled={!cluster}>
            <FormSelectOption value="" label={allowWhole ? t('gm.ws.wholeCluster') : t('gm.pick')} isPlaceholder={!allowWhole} />
            {(namespaces.data ?? []).map((n) => <FormSelectOption key={n.name} value={n.name} label={n.name} />)}
          </FormSelect>
          <ErrorAlert error={namespaces.error} />
        </FormGroup>
      )}
    </>
  );
}
