// The actions of a workload's page, each with its own small dialog; shown only to users who may edit.
import { Button, Flex, FlexItem, FormSelect, FormSelectOption, Modal, ModalBody, ModalFooter, ModalHeader, NumberInput, TextInput } from '@patternfly/react-core';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { workloadPath } from './paths';
import { workloadsApi } from '../../api/workloads';
import type { Revision, WorkloadSummary } from '../../api/types';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { JobActions } from '../k8s/JobActions';
import { objectToYaml } from './workloadForm';

const YamlDiff = lazy(() => import('../../components/YamlDiff'));

/** The pod template of the running revision next to the one a rollback would restore (Monaco diff, lazy). */
function RollbackDiff({ current, target }: { current?: Revision; target?: Revision }) {
  if (!current?.template || !target?.template) return null;
  return (
    <Suspense fallback={null}>
      <YamlDiff original={objectToYaml(current.template)} modified={objectToYaml(target.template)} height={280} />
    </Suspense>
  );
}

type Dialog = 'scale' | 'image' | 'rollback' | 'restart' | 'delete' | null;

interface Props {
  cluster: string;
  w: WorkloadSummary;
  kind: string;
  paused: boolean;
  revisions: Revision[];
  onDone: () => void;
  onDeleted: () => void;
}

function ActionModal({ title, onClose, onSubmit, children, submitLabel, wide }: {
  title: string; onClose: () => void; onSubmit: () => Promise<unknown>; children: React.ReactNode; submitLabel: string;
  wide?: boolean;
}) {
  const t = useT();
  const action = useAction(async () => { await onSubmit(); onClose(); });
  return (
    <Modal isOpen onClose={onClose} variant={wide ? 'large' : 'small'} aria-label={title}>
      <ModalHeader title={title} />
      <ModalBody>{children}<ErrorAlert error={action.error} /></ModalBody>
      <ModalFooter>
        <Button onClick={() => action.run()} isLoading={action.busy} isDisabled={action.busy} data-testid="action-submit">{submitLabel}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}

export function WorkloadActions({ cluster, w, kind, paused, revisions, onDone, onDeleted }: Props) {
  const t = useT();
  const [dialog, setDialog] = useState<Dialog>(null);
  const navigate = useNavigate();
  const [replicas, setReplicas] = useState(w.desired);
  const [container, setContainer] = useState('');
  const [image, setImage] = useState('');
  const [revision, setRevision] = useState<number>();
  const close = () => setDialog(null);
  const done = (r: unknown) => { onDone(); return r; };
  const ns = w.namespace;
  const scalable = kind === 'deployments' || kind === 'statefulsets';
  const pausable = kind === 'deployments' || kind === 'cronjobs';
  const pauseAction = useAction(async () => done(await (paused ? workloadsApi.resume : workloadsApi.pause)(cluster, ns, kind, w.name)));
  const previous = revisions.filter((r) => !r.current);
  return (
    <>
      <Flex spaceItems={{ default: 'spaceItemsSm' }}>
        {['deployments', 'statefulsets', 'daemonsets'].includes(kind) && <FlexItem><Button variant="secondary"
          onClick={() => navigate(workloadPath(cluster, ns, kind, w.name) + '/edit')} data-testid="action-edit">{t('workloads.edit')}</Button></FlexItem>}
        {scalable && <FlexItem><Button variant="secondary" onClick={() => { setReplicas(w.desired); setDialog('scale'); }} data-testid="action-scale">{t('actions.scale')}</Button></FlexItem>}
        <FlexItem><Button variant="secondary" onClick={() => setDialog('restart')} data-testid="action-restart">{t('actions.restart')}</Button></FlexItem>
        <FlexItem><Button variant="secondary" onClick={() => { setImage(''); setContainer(''); setDialog('image'); }} data-testid="action-image">{t('actions.image')}</Button></FlexItem>
        {pausable && <FlexItem><Button variant="secondary" onClick={() => pauseAction.run()} isLoading={pauseAction.busy} isDisabled={pauseAction.busy}
          data-testid="action-pause">{paused ? t('actions.resume') : kind === 'cronjobs' ? t('k8s.job.suspend') : t('actions.pause')}</Button></FlexItem>}
        <JobActions cluster={cluster} namespace={ns} kind={kind} name={w.name} onDone={onDone} />
        {previous.length > 0 && <FlexItem><Button variant="secondary" onClick={() => { setRevision(previous[0].revision); setDialog('rollback'); }}
          data-testid="action-rollback">{t('actions.rollback')}</Button></FlexItem>}
        <FlexItem><Button variant="danger" onClick={() => setDialog('delete')} data-testid="action-delete">{t('actions.delete')}</Button></FlexItem>
      </Flex>
      <ErrorAlert error={pauseAction.error} />
      {dialog === 'scale' && (
        <ActionModal title={t('actions.scaleTitle', { name: w.name })} submitLabel={t('actions.scale')} onClose={close}
          onSubmit={async () => done(await workloadsApi.scale(cluster, ns, kind, w.name, replicas))}>
          <NumberInput value={replicas} min={0} onMinus={() => setReplicas(Math.max(0, replicas - 1))} onPlus={() => setReplicas(replicas + 1)}
            onChange={(e) => setReplicas(Math.max(0, Number((e.target as HTMLInputElement).value) || 0))} inputAriaLabel={t('workloads.replicas')}
            inputName="replicas" data-testid="scale-replicas" />
        </ActionModal>
      )}
      {dialog === 'image' && (
        <ActionModal title={t('actions.imageTitle', { name: w.name })} submitLabel={t('actions.image')} onClose={close}
          onSubmit={async () => done(await workloadsApi.image(cluster, ns, kind, w.name, container, image))}>
          <p>{t('actions.imageCurrent', { images: w.images.join(', ') })}</p>
          <TextInput aria-label={t('form.containerName')} placeholder={t('form.containerName')} value={container} onChange={(_e, v) => setContainer(v)} />
          <TextInput aria-label={t('form.image')} placeholder="nginx:1.27" value={image} onChange={(_e, v) => setImage(v)} style={{ marginTop: 8 }} />
        </ActionModal>
      )}
      {dialog === 'rollback' && (
        <ActionModal title={t('actions.rollbackTitle', { name: w.name })} submitLabel={t('actions.rollback')} onClose={close} wide
          onSubmit={async () => done(await workloadsApi.rollback(cluster, ns, kind, w.name, revision!))}>
          <FormSelect aria-label={t('revisions.revision')} value={String(revision)} onChange={(_e, v) => setRevision(Number(v))} data-testid="rollback-revision">
            {previous.map((r) => <FormSelectOption key={r.revision} value={String(r.revision)} label={`#${r.revision} — ${r.images.join(', ')}`} />)}
          </FormSelect>
          <p style={{ marginTop: 8 }}>{t('actions.rollbackDiff', {
            from: revisions.find((r) => r.current)?.images.join(', ') ?? '?',
            to: previous.find((r) => r.revision === revision)?.images.join(', ') ?? '?' })}</p>
          <RollbackDiff current={revisions.find((r) => r.current)} target={previous.find((r) => r.revision === revision)} />
        </ActionModal>
      )}
      {dialog === 'restart' && (
        <ConfirmDialog title={t('actions.restartTitle', { name: w.name })} body={t('actions.restartBody')} confirmLabel={t('actions.restart')}
          onConfirm={async () => done(await workloadsApi.restart(cluster, ns, kind, w.name))} onClose={close} />
      )}
      {dialog === 'delete' && (
        <ConfirmDialog danger title={t('actions.deleteTitle', { name: w.name })} body={t('actions.deleteBody', { name: w.name, namespace: ns })}
          confirmLabel={t('actions.delete')} typeToConfirm={w.name}
          onConfirm={async () => { await workloadsApi.remove(cluster, ns, kind, w.name); onDeleted(); }} onClose={close} />
      )}
    </>
  );
}
