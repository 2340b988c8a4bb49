// A small Service form above the YAML editor: each change rewrites the YAML.
import { Button, Form, FormGroup, FormHelperText, FormSelect, FormSelectOption, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useT, type MessageKey } from '../../i18n/I18n';
import { parseSelector, portError, SERVICE_TYPES, serviceYaml, type ServiceFormValue } from './serviceForm';

function Err({ error }: { error?: string }) {
  const t = useT();
  return error ? <FormHelperText><HelperText><HelperTextItem variant="error">{t(error as MessageKey)}</HelperTextItem></HelperText></FormHelperText> : null;
}

export function ServiceForm({ namespace, onYaml }: { namespace: string; onYaml: (y: string) => void }) {
  const t = useT();
  const [f, setF] = useState<ServiceFormValue>({ name: '', type: 'ClusterIP', selector: '', ports: [{ name: 'http', port: '80', targetPort: '', protocol: 'TCP' }] });
  const update = (next: ServiceFormValue) => { setF(next); onYaml(serviceYaml(namespace, next)); };
  const setPort = (i: number, patch: Partial<ServiceFormValue['ports'][number]>) =>
    update({ ...f, ports: f.ports.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <Form style={{ marginBottom: 16, maxWidth: 720 }} onSubmit={(e) => e.preventDefault()} data-testid="service-form">
      <FormGroup label={t('common.name')} fieldId="svc-name"><TextInput id="svc-name" value={f.name} onChange={(_e, v) => update({ ...f, name: v })} /></FormGroup>
      <FormGroup label={t('k8s.col.type')} fieldId="svc-type">
        <FormSelect id="svc-type" value={f.type} onChange={(_e, v) => update({ ...f, type: v })}>
          {SERVICE_TYPES.map((x) => <FormSelectOption key={x} value={x} label={x} />)}
        </FormSelect>
      </FormGroup>
      <FormGroup label={t('k8s.col.selector')} fieldId="svc-selector">
        <TextInput id="svc-selector" value={f.selector} placeholder="app=web" onChange={(_e, v) => update({ ...f, selector: v })} />
        <Err error={f.selector && !parseSelector(f.selector) ? 'k8s.valid.selector' : undefined} />
      </FormGroup>
      {f.ports.map((p, i) => (
        <FormGroup key={i} label={t('k8s.form.port', { n: i + 1 })} fieldId={`svc-port-${i}`}>
          <div style={{ display: 'flex', gap: 8 }}>
            <TextInput aria-label={t('common.name')} placeholder={t('common.name')} value={p.name} onChange={(_e, v) => setPort(i, { name: v })} />
            <TextInput id={`svc-port-${i}`} aria-label={t('k8s.form.portNumber')} placeholder="80" value={p.port} onChange={(_e, v) => setPort(i, { port: v })} />
            <TextInput aria-label={t('k8s.form.targetPort')} placeholder={t('k8s.form.targetPort')} value={p.targetPort} onChange={(_e, v) => setPort(i, { targetPort: v })} />
            <FormSelect aria-label={t('k8s.form.protocol')} value={p.protocol} onChange={(_e, v) => setPort(i, { protocol: v })}>
              {['TCP', 'UDP', 'SCTP'].map((x) => <FormSelectOption key={x} value={x} label={x} />)}
            </FormSelect>
            <Button variant="plain" aria-label={t('common.remove')} onClick={() => update({ ...f, ports: f.ports.filter((_x, j) => j !== i) })}>✕</Button>
          </div>
          <Err error={portError(p.port) ?? (p.targetPort ? portError(p.targetPort, true) : undefined)} />
        </FormGroup>
      ))}
      <div><Button variant="link" isInline onClick={() => update({ ...f, ports: [...f.ports, { name: '', port: '', targetPort: '', protocol: 'TCP' }] })}>
        {t('k8s.form.addPort')}</Button></div>
    </Form>
  );
}
