// Create a namespace: name checked as a DNS-1123 label while typing, an optional quota preset and
// default container limits/requests (a LimitRange), as the server's request body takes them.
import { Button, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { namespaceApi, type NamespaceRequest } from '../../api/k8s';
import { ErrorAlert, fieldMessage } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAsync';
import { useT, type MessageKey } from '../../i18n/I18n';
import { namespaceNameError } from './validation';

const PRESETS = ['', 'small', 'medium', 'large'];

/** Namespaces the cluster itself needs: offered for no deletion. */
export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function compact(m: Record<string, string>): Record<string, string> | undefined {
  const e = Object.entries(m).filter(([, v]) => v.trim() !== '').map(([k, v]) => [k, v.trim()]);
  return e.length ? Object.fromEntries(e) : undefined;
}

/** The request body from the form fields (empty fields left out). Pure. */
export function namespaceRequest(name: string, preset: string, limits: Record<string, string>, requests: Record<string, string>): NamespaceRequest {
  return { name, quotaPreset: preset || undefined, defaultLimits: compact(limits), defaultRequests: compact(requests) };
}

export function NamespaceCreateDialog({ cluster, onClose, onCreated }: { cluster: string; onClose: () => void; onCreated: () => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [preset, setPreset] = useState('');
  const [limits, setLimits] = useState({ cpu: '', memory: '' });
  const [requests, setRequests] = useState({ cpu: '', memory: '' });
  const nameError = touched ? namespaceNameError(name) : undefined;
  const create = useAction(async () => {
    await namespaceApi.create(cluster, namespaceRequest(name, preset, limits, requests));
    onCreated();
    onClose();
  });
  const field = (label: string, id: string, value: string, onChange: (v: string) => void, server: string) => {
    const message = fieldMessage(create.error, server);
    return (
      <FormGroup label={label} fieldId={id}>
        <TextInput id={id} value={value} onChange={(_e, v) => onChange(v)} placeholder={id.endsWith('cpu') ? '500m' : '512Mi'}
          validated={message ? 'error' : 'default'} />
        {message && <FormHelperText><HelperText><HelperTextItem variant="error">{message}</HelperTextItem></HelperText></FormHelperText>}
      </FormGroup>
    );
  };
  const serverNameError = fieldMessage(create.error, 'name');
  return (
    <Modal isOpen onClose={onClose} variant="small" aria-label={t('k8s.ns.createTitle')}>
      <ModalHeader title={t('k8s.ns.createTitle')} />
      <ModalBody>
        <Form onSubmit={(e) => { e.preventDefault(); if (!namespaceNameError(name)) create.run(); }} id="ns-create-form">
          <FormGroup label={t('common.name')} fieldId="ns-name" isRequired>
            <TextInput id="ns-name" value={name} onChange={(_e, v) => { setName(v); setTouched(true); }}
              validated={nameError || serverNameError ? 'error' : 'default'} data-testid="ns-name" />
            <FormHelperText><HelperText>
              {nameError || serverNameError
                ? <HelperTextItem variant="error" data-testid="ns-name-error">{nameError ? t(nameError as MessageKey) : serverNameError}</HelperTextItem>
                : <HelperTextItem>{t('k8s.ns.nameHelp')}</HelperTextItem>}
            </HelperText></FormHelperText>
          </FormGroup>
          <FormGroup label={t('k8s.ns.quotaPreset')} fieldId="ns-preset">
            <FormSelect id="ns-preset" value={preset} onChange={(_e, v) => setPreset(v)} data-testid="ns-preset">
              {PRESETS.map((p) => <FormSelectOption key={p} value={p} label={t(`k8s.ns.preset.${p || 'none'}` as MessageKey)} />)}
            </FormSelect>
          </FormGroup>
          {field(t('k8s.ns.limitCpu'), 'ns-limit-cpu', limits.cpu, (v) => setLimits({ ...limits, cpu: v }), 'defaultLimits.cpu')}
          {field(t('k8s.ns.limitMemory'), 'ns-limit-memory', limits.memory, (v) => setLimits({ ...limits, memory: v }), 'defaultLimits.memory')}
          {field(t('k8s.ns.requestCpu'), 'ns-request-cpu', requests.cpu, (v) => setRequests({ ...requests, cpu: v }), 'defaultRequests.cpu')}
          {field(t('k8s.ns.requestMemory'), 'ns-request-memory', requests.memory, (v) => setRequests({ ...requests, memory: v }), 'defaultRequests.memory')}
        </Form>
        <ErrorAlert error={create.error} />
      </ModalBody>
      <ModalFooter>
        <Button type="submit" form="ns-create-form" isDisabled={!!namespaceNameError(name) || create.busy} isLoading={create.busy}
          data-testid="ns-create-submit">{t('common.create')}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
