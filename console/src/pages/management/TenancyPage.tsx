// The folder/workspace tree (folders ≤ 5 levels, workspaces as leaves). The selected node is in the URL
// (?node=folder:x | workspace:y); create under the selected folder, rename, move (dialog), delete
// (confirmed; the server's refusal, e.g. "still holds bindings", is shown as it said it).
import {
  Button, Card, CardBody, CardTitle, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm,
  Flex, FlexItem, FormGroup, FormSelect, FormSelectOption, Grid, GridItem, PageSection, Title, TreeView, type TreeViewDataItem,
} from '@patternfly/react-core';
import CubesIcon from '@patternfly/react-icons/dist/esm/icons/cubes-icon';
import FolderIcon from '@patternfly/react-icons/dist/esm/icons/folder-icon';
import FolderOpenIcon from '@patternfly/react-icons/dist/esm/icons/folder-open-icon';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { gmApi } from '../../api/gm';
import { useAuth } from '../../auth/AuthContext';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Empty } from '../../components/Empty';
import { ErrorAlert, fieldMessage } from '../../components/ErrorAlert';
import { useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { FormField } from '../workloads/FormField';
import { GmModal } from './GmModal';
import {
  ancestors, buildTree, canHoldSubFolder, findNode, mayManage, moveTargets, nameProblem, nodeId, parseNodeId, type NodeKind, type TenancyNode,
} from './gmLogic';
import { RoleBindingTable } from './RoleBindings';
import { useProblemText } from './useProblemText';

type Dialog = { kind: 'create'; what: NodeKind } | { kind: 'rename' } | { kind: 'move' } | { kind: 'delete' } | null;

function toItems(nodes: TenancyNode[]): TreeViewDataItem[] {
  return nodes.map((n) => ({
    id: n.id,
    name: <span data-testid={`node-${n.id}`}>{n.name}</span>,
    icon: n.kind === 'folder' ? <FolderIcon /> : <CubesIcon />,
    expandedIcon: n.kind === 'folder' ? <FolderOpenIcon /> : undefined,
    defaultExpanded: true,
    children: n.kind === 'folder' && n.children.length > 0 ? toItems(n.children) : undefined,
  }));
}

export function TenancyPage() {
  const t = useT();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const data = useAsync(async () => {
    const [folders, workspaces] = await Promise.all([gmApi.allFolders(), gmApi.allWorkspaces()]);
    return buildTree(folders, workspaces);
  }, []);
  const tree = useMemo(() => data.data ?? [], [data.data]);
  const selectedId = params.get('node') ?? '';
  const selected = selectedId ? findNode(tree, selectedId) : undefined;
  const select = (id: string | undefined) => setParams(id ? { node: id } : {}, { replace: true });
  const [dialog, setDialog] = useState<Dialog>(null);
  const items = useMemo(() => toItems(tree), [tree]);
  const active = items.length && selected ? [{ id: selected.id, name: selected.name }] : [];
  // new folders and workspaces go into the selected folder, or the folder of the selected workspace
  const parentPath = selected ? ancestors(tree, selected.id) : [];
  const targetFolder = selected?.kind === 'folder' ? selected : parentPath.length ? findNode(tree, parentPath[parentPath.length - 1]) : undefined;
  const mayCreateFolder = mayManage(me, 'folders', 'create') && canHoldSubFolder(targetFolder);
  const mayCreateWorkspace = mayManage(me, 'workspaces', 'create');
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('gm.tree.title')}</Title><p>{t('gm.tree.intro')}</p></PageSection>
      <PageSection>
        <ErrorAlert error={data.error} />
        <Grid hasGutter>
          <GridItem span={5}>
            <Card isFullHeight>
              <CardTitle>
                <Flex>
                  <FlexItem grow={{ default: 'grow' }}>{!(mayCreateFolder || mayCreateWorkspace) ? t('gm.tree.title')
                    : targetFolder ? t('gm.tree.createIn', { folder: targetFolder.name }) : t('gm.tree.createTop')}</FlexItem>
                  {mayCreateFolder && <FlexItem><Button variant="secondary" size="sm" onClick={() => setDialog({ kind: 'create', what: 'folder' })} data-testid="create-folder">{t('gm.tree.newFolder')}</Button></FlexItem>}
                  {mayCreateWorkspace && <FlexItem><Button variant="secondary" size="sm" onClick={() => setDialog({ kind: 'create', what: 'workspace' })} data-testid="create-workspace">{t('gm.tree.newWorkspace')}</Button></FlexItem>}
                </Flex>
              </CardTitle>
              <CardBody>
                {data.data && tree.length === 0 ? (
                  <Empty title={t('gm.tree.emptyTitle')} body={t(mayCreateWorkspace ? 'gm.tree.emptyBody' : 'gm.tree.emptyBodyReadOnly')} />
                ) : items.length > 0 && (
                  // TreeView must not be rendered without items (it focuses the first one)
                  <div data-testid="tenancy-tree">
                    <TreeView aria-label={t('gm.tree.title')} data={items} activeItems={active} hasGuides
                      onSelect={(_e, item) => select(item.id === selectedId ? undefined : item.id)} />
                  </div>
                )}
                {selected && <Button variant="link" isInline onClick={() => select(undefined)} style={{ marginTop: 8 }}>{t('gm.tree.clearSelection')}</Button>}
              </CardBody>
            </Card>
          </GridItem>
          <GridItem span={7}>
            {selected ? <NodePanel node={selected} tree={tree} onDialog={setDialog} />
              : <Empty title={t('gm.tree.nothingSelected')} body={t('gm.tree.nothingSelectedBody')} />}
          </GridItem>
        </Grid>
      </PageSection>
      {dialog?.kind === 'create' && (
        <CreateModal what={dialog.what} folder={targetFolder?.name} onClose={() => setDialog(null)}
          onCreated={(name) => { data.reload(); select(nodeId(dialog.what, name)); }} />
      )}
      {dialog?.kind === 'rename' && selected && (
        <RenameModal node={selected} onClose={() => setDialog(null)} onRenamed={(name) => { data.reload(); select(nodeId(selected.kind, name)); }} />
      )}
      {dialog?.kind === 'move' && selected && (
        <MoveModal node={selected} targets={moveTargets(tree, selected.id)} onClose={() => setDialog(null)} onMoved={data.reload} />
      )}
      {dialog?.kind === 'delete' && selected && (
        <ConfirmDialog danger title={t(selected.kind === 'folder' ? 'gm.tree.deleteFolderTitle' : 'gm.tree.deleteWorkspaceTitle', { name: selected.name })}
          body={t('gm.tree.deleteBody')} confirmLabel={t('gm.delete')} typeToConfirm={selected.name}
          onConfirm={async () => {
            await (selected.kind === 'folder' ? gmApi.deleteFolder(selected.name) : gmApi.deleteWorkspace(selected.name));
            select(undefined);
            data.reload();
          }} onClose={() => setDialog(null)} />
      )}
    </>
  );
}

function NodePanel({ node, tree, onDialog }: { node: TenancyNode; tree: TenancyNode[]; onDialog: (d: Dialog) => void }) {
  const t = useT();
  const { me } = useAuth();
  const resource = node.kind === 'folder' ? 'folders' : 'workspaces';
  const path = ancestors(tree, node.id).map((id) => parseNodeId(id)?.name ?? id);
  return (
    <Card data-testid="node-panel">
      <CardTitle>
        <Flex>
          <FlexItem grow={{ default: 'grow' }}>
            <Title headingLevel="h2" data-testid="node-title">{t(node.kind === 'folder' ? 'gm.tree.folderTitle' : 'gm.tree.workspaceTitle', { name: node.name })}</Title>
          </FlexItem>
          {node.kind === 'workspace' && <FlexItem><Link to={`/management/workspaces/${encodeURIComponent(node.name)}`} data-testid="open-workspace">{t('gm.tree.openWorkspace')}</Link></FlexItem>}
          {mayManage(me, resource, 'update') && <>
            <FlexItem><Button variant="secondary" size="sm" onClick={() => onDialog({ kind: 'rename' })} data-testid="node-rename">{t('gm.tree.rename')}</Button></FlexItem>
            <FlexItem><Button variant="secondary" size="sm" onClick={() => onDialog({ kind: 'move' })} data-testid="node-move">{t('gm.tree.move')}</Button></FlexItem>
          </>}
          {mayManage(me, resource, 'delete') && <FlexItem><Button variant="danger" size="sm" onClick={() => onDialog({ kind: 'delete' })} data-testid="node-delete">{t('gm.delete')}</Button></FlexItem>}
        </Flex>
      </CardTitle>
      <CardBody>
        <DescriptionList isHorizontal isCompact>
          <DescriptionListGroup><DescriptionListTerm>{t('gm.tree.path')}</DescriptionListTerm>
            <DescriptionListDescription data-testid="node-path">{'/ ' + [...path, node.name].join(' / ')}</DescriptionListDescription></DescriptionListGroup>
          {node.kind === 'folder' && (
            <DescriptionListGroup><DescriptionListTerm>{t('gm.tree.level')}</DescriptionListTerm>
              <DescriptionListDescription>{t('gm.tree.levelOf', { level: node.depth, max: 5 })}</DescriptionListDescription></DescriptionListGroup>
          )}
        </DescriptionList>
        {node.kind === 'folder' && (
          <div style={{ marginTop: 16 }}>
            <Title headingLevel="h3">{t('gm.tree.folderMembers')}</Title>
            <RoleBindingTable key={node.name} filter={{ scopeKind: 'folder', folder: node.name }} fixedScope={{ kind: 'folder', name: node.name }}
              emptyBody={t('gm.tree.folderMembersEmpty')} />
          </div>
        )}
      </CardBody>
    </Card>
  );
}

function CreateModal({ what, folder, onClose, onCreated }: { what: NodeKind; folder?: string; onClose: () => void; onCreated: (name: string) => void }) {
  const t = useT();
  const problemText = useProblemText();
  const [name, setName] = useState('');
  const problem = nameProblem(name);
  return (
    <GmModal title={t(what === 'folder' ? 'gm.tree.newFolder' : 'gm.tree.newWorkspace')} submitLabel={t('common.create')} ready={!problem}
      testId="create-node-modal" onClose={onClose}
      onSubmit={async () => {
        if (what === 'folder') await gmApi.createFolder({ name, parent: folder });
        else await gmApi.createWorkspace({ name, folder });
        onCreated(name);
      }}>
      {(error) => (
        <>
          <p>{folder ? t('gm.tree.createIn', { folder }) : t('gm.tree.createTop')}</p>
          <FormField id="node-name" label={t('common.name')} required value={name} onChange={setName}
            error={(name && problem ? problemText(problem) : undefined) ?? fieldMessage(error, 'name') ?? fieldMessage(error, 'parent') ?? fieldMessage(error, 'folder')} />
        </>
      )}
    </GmModal>
  );
}

function RenameModal({ node, onClose, onRenamed }: { node: TenancyNode; onClose: () => void; onRenamed: (name: string) => void }) {
  const t = useT();
  const problemText = useProblemText();
  const [name, setName] = useState(node.name);
  const problem = nameProblem(name);
  return (
    <GmModal title={t('gm.tree.renameTitle', { name: node.name })} submitLabel={t('common.save')} ready={!problem && name !== node.name}
      onClose={onClose}
      onSubmit={async () => {
        if (node.kind === 'folder') await gmApi.updateFolder(node.name, { name });
        else await gmApi.updateWorkspace(node.name, { name });
        onRenamed(name);
      }}>
      {(error) => (
        <FormField id="rename-name" label={t('common.name')} required value={name} onChange={setName}
          error={(name && problem ? problemText(problem) : undefined) ?? fieldMessage(error, 'name')} />
      )}
    </GmModal>
  );
}

function MoveModal({ node, targets, onClose, onMoved }: { node: TenancyNode; targets: string[]; onClose: () => void; onMoved: () => void }) {
  const t = useT();
  const [target, setTarget] = useState<string | undefined>(undefined);
  return (
    <GmModal title={t('gm.tree.moveTitle', { name: node.name })} submitLabel={t('gm.tree.move')} ready={target !== undefined}
      testId="move-modal" onClose={onClose}
      onSubmit={async () => {
        if (node.kind === 'folder') await gmApi.updateFolder(node.name, { parent: target });
        else await gmApi.updateWorkspace(node.name, { folder: target });
        onMoved();
      }}>
      <FormGroup label={t('gm.tree.newParent')} isRequired fieldId="move-target">
        <FormSelect id="move-target" value={target ?? '__none'} onChange={(_e, v) => setTarget(v === '__none' ? undefined : v)} data-testid="move-target">
          <FormSelectOption value="__none" label={t('gm.pick')} isPlaceholder />
          {targets.map((f) => <FormSelectOption key={f || '__top'} value={f} label={f === '' ? t('gm.tree.topLevel') : f} />)}
        </FormSelect>
      </FormGroup>
      {targets.length === 0 && <p>{t('gm.tree.noTargets')}</p>}
      <p>{t('gm.tree.moveHint')}</p>
    </GmModal>
  );
}
