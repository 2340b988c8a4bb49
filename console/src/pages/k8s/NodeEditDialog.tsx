// Edit a node's labels and taints: key/value(/effect) rows validated as the API server validates
// them, saved with PATCH /nodes/{name} (the whole set of labels and taints replaces the node's).
import { Button, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal, ModalBody, ModalFooter, ModalHeader, TextInput, Title } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useState } from 'react';
import { nodeEditApi } from '../../api/k8s';
import type { NodeSummary } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAsync';
import { useT, type MessageKey } from '../../i18n/I18n';
import {
  formatTaint, labelRowErrors, parseTaint, TAINT_EFFECTS, taintRowErrors, userLabelsFirst, type KeyValueRow, type TaintRow,
} from './validation';

function ErrorText({ error }: { error?: string }) {
  const t = useT();
  return error ? <HelperText><HelperTextItem variant="error">{t(error as MessageKey)}</HelperTextItem></HelperText> : null;
}

export function NodeEditDialog({ cluster, node, onClose, onSaved }: { cluster: string; node: NodeSummary; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const [labels, setLabels] = useState<KeyValueRow[]>(() => userLabelsFirst(node.labels ?? {}).map(([key, value]) => ({ key, value })));
  const [taints, setTaints] = useState<TaintRow[]>(() => node.taints.map(parseTaint));
  const labelErrors = labelRowErrors(labels);
  const taintErrors = taintRowErrors(taints);
  const valid = Object.keys(labelErrors).length === 0 && Object.keys(taintErrors).length === 0;
  const save = useAction(async () => {
    await nodeEditApi.edit(cluster, node.name, Object.fromEntries(labels.map((r) => [r.key, r.value])), taints.map(formatTaint));
    onSaved();
    onClose();
  });
  const setLabel = (i: number, patch: Partial<KeyValueRow>) => setLabels(labels.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const setTaint = (i: number, patch: Partial<TaintRow>) => setTaints(taints.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Modal isOpen onClose={onClose} variant="large" aria-label={t('k8s.node.editTitle', { node: node.name })}>
      <ModalHeader title={t('k8s.node.editTitle', { node: node.name })} />
      <ModalBody>
        <Title headingLevel="h3">{t('k8s.node.labels')}</Title>
        <Table variant="compact" aria-label={t('k8s.node.labels')} data-testid="label-rows">
          <Thead><Tr><Th>{t('k8s.detail.key')}</Th><Th>{t('k8s.detail.value')}</Th><Th screenReaderText={t('common.remove')} /></Tr></Thead>
          <Tbody>{labels.map((r, i) => (
            <Tr key={i}>
              <Td><TextInput aria-label={t('k8s.detail.key')} value={r.key} onChange={(_e, v) => setLabel(i, { key: v })}
                validated={labelErrors[`${i}.key`] ? 'error' : 'default'} data-testid={`label-key-${i}`} /><ErrorText error={labelErrors[`${i}.key`]} /></Td>
              <Td><TextInput aria-label={t('k8s.detail.value')} value={r.value} onChange={(_e, v) => setLabel(i, { value: v })}
                validated={labelErrors[`${i}.value`] ? 'error' : 'default'} data-testid={`label-value-${i}`} /><ErrorText error={labelErrors[`${i}.value`]} /></Td>
              <Td><Button variant="plain" aria-label={t('common.remove')} onClick={() => setLabels(labels.filter((_x, j) => j !== i))}>✕</Button></Td>
            </Tr>
          ))}</Tbody>
        </Table>
        <Button variant="link" onClick={() => setLabels([{ key: '', value: '' }, ...labels])} data-testid="label-add">{t('k8s.node.addLabel')}</Button>
        <Title headingLevel="h3" style={{ marginTop: 16 }}>{t('nodes.taints')}</Title>
        <Table variant="compact" aria-label={t('nodes.taints')} data-testid="taint-rows">
          <Thead><Tr><Th>{t('k8s.detail.key')}</Th><Th>{t('k8s.detail.value')}</Th><Th>{t('k8s.node.effect')}</Th><Th screenReaderText={t('common.remove')} /></Tr></Thead>
          <Tbody>{taints.map((r, i) => (
            <Tr key={i}>
              <Td><TextInput aria-label={t('k8s.detail.key')} value={r.key} onChange={(_e, v) => setTaint(i, { key: v })}
                validated={taintErrors[`${i}.key`] ? 'error' : 'default'} data-testid={`taint-key-${i}`} /><ErrorText error={taintErrors[`${i}.key`]} /></Td>
              <Td><TextInput aria-label={t('k8s.detail.value')} value={r.value} onChange={(_e, v) => setTaint(i, { value: v })}
                validated={taintErrors[`${i}.value`] ? 'error' : 'default'} data-testid={`taint-value-${i}`} /><ErrorText error={taintErrors[`${i}.value`]} /></Td>
              <Td><FormSelect aria-label={t('k8s.node.effect')} value={r.effect} onChange={(_e, v) => setTaint(i, { effect: v })} data-testid={`taint-effect-${i}`}>
                {TAINT_EFFECTS.map((e) => <FormSelectOption key={e} value={e} label={e} />)}
              </FormSelect></Td>
              <Td><Button variant="plain" aria-label={t('common.remove')} onClick={() => setTaints(taints.filter((_x, j) => j !== i))}>✕</Button></Td>
            </Tr>
          ))}</Tbody>
        </Table>
        <Button variant="link" onClick={() => setTaints([...taints, { key: '', value: '', effect: 'NoSchedule' }])} data-testid="taint-add">{t('k8s.node.addTaint')}</Button>
        <ErrorAlert error={save.error} />
      </ModalBody>
      <ModalFooter>
        <Button onClick={() => save.run()} isDisabled={!valid || save.busy} isLoading={save.busy} data-testid="node-edit-save">{t('common.save')}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
