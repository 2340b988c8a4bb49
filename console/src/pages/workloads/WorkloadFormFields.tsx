import { Button, Card, CardBody, CardTitle, FormGroup, FormSelect, FormSelectOption, Grid, GridItem } from '@patternfly/react-core';
import { useT } from '../../i18n/I18n';
import { formatLabels, parseLabels } from '../clusters/labels';
import { ContainerDepthFields, VolumeFields } from './ContainerDepthFields';
import { FormField, toInt } from './FormField';
import type { ContainerForm, FormErrors, FormKind, WorkloadForm } from './workloadForm';

interface Props {
  form: WorkloadForm;
  onChange: (f: WorkloadForm) => void;
  errors: FormErrors;
  namespaces: string[];
  /** editing an existing workload: kind, namespace and name cannot change */
  locked?: boolean;
}

function ContainerFields({ c, i, errors, update, remove, volumes }: {
  c: ContainerForm; i: number; errors: FormErrors; update: (c: ContainerForm) => void; remove?: () => void; volumes: NonNullable<WorkloadForm['volumes']>;
}) {
  const t = useT();
  const p = `containers[${i}]`;
  const port = c.ports?.[0]?.containerPort;
  const res = c.resources ?? {};
  const setRes = (k: keyof NonNullable<ContainerForm['resources']>, v: string) => update({ ...c, resources: { ...res, [k]: v || undefined } });
  return (
    <Card isCompact style={{ marginBottom: 12 }}>
      <CardTitle>{t('form.container', { n: i + 1 })} {remove && <Button variant="link" isDanger onClick={remove}>{t('common.remove')}</Button>}</CardTitle>
      <CardBody>
        <Grid hasGutter md={6}>
          <GridItem><FormField id={`${p}.name`} label={t('form.containerName')} required value={c.name} onChange={(v) => update({ ...c, name: v })} error={errors[`${p}.name`]} /></GridItem>
          <GridItem><FormField id={`${p}.image`} label={t('form.image')} required value={c.image} placeholder="nginx:1.27"
            onChange={(v) => update({ ...c, image: v })} error={errors[`${p}.image`]} /></GridItem>
          <GridItem><FormField id={`${p}.ports[0].containerPort`} label={t('form.port')} value={port === undefined ? '' : String(port)}
            onChange={(v) => update({ ...c, ports: v === '' ? [] : [{ ...(c.ports?.[0] ?? {}), containerPort: toInt(v), protocol: 'TCP' }] })}
            error={errors[`${p}.ports[0].containerPort`]} hint={t('form.portHint')} /></GridItem>
          <GridItem><FormField id={`${p}.command`} label={t('form.command')} value={(c.command ?? []).join(' ')}
            onChange={(v) => update({ ...c, command: v.trim() ? v.trim().split(/\s+/) : undefined })} hint={t('form.commandHint')} /></GridItem>
          <GridItem md={3}><FormField id={`${p}.resources.requestCpu`} label={t('form.requestCpu')} value={res.requestCpu ?? ''} placeholder="250m"
            onChange={(v) => setRes('requestCpu', v)} error={errors[`${p}.resources.requestCpu`]} /></GridItem>
          <GridItem md={3}><FormField id={`${p}.resources.requestMemory`} label={t('form.requestMemory')} value={res.requestMemory ?? ''} placeholder="256Mi"
            onChange={(v) => setRes('requestMemory', v)} error={errors[`${p}.resources.requestMemory`]} /></GridItem>
          <GridItem md={3}><FormField id={`${p}.resources.limitCpu`} label={t('form.limitCpu')} value={res.limitCpu ?? ''} placeholder="1"
            onChange={(v) => setRes('limitCpu', v)} error={errors[`${p}.resources.limitCpu`]} /></GridItem>
          <GridItem md={3}><FormField id={`${p}.resources.limitMemory`} label={t('form.limitMemory')} value={res.limitMemory ?? ''} placeholder="1Gi"
            onChange={(v) => setRes('limitMemory', v)} error={errors[`${p}.resources.limitMemory`]} /></GridItem>
        </Grid>
        <ContainerDepthFields c={c} i={i} errors={errors} update={update} volumes={volumes} />
      </CardBody>
    </Card>
  );
}

/** The form's fields; every change re-validates (errors as you type). */
export function WorkloadFormFields({ form, onChange, errors, namespaces, locked }: Props) {
  const t = useT();
  const set = (patch: Partial<WorkloadForm>) => onChange({ ...form, ...patch });
  const svcPort = form.service?.ports[0];
  return (
    <>
      <Grid hasGutter md={6}>
        <GridItem>
          <FormGroup label={t('workloads.kind')} fieldId="kind">
            <FormSelect id="kind" isDisabled={locked} value={form.kind} onChange={(_e, v) => set({ kind: v as FormKind })}>
              {(['deployments', 'statefulsets', 'daemonsets'] as const).map((k) => <FormSelectOption key={k} value={k} label={t(`kind.${k}`)} />)}
            </FormSelect>
          </FormGroup>
        </GridItem>
        <GridItem>
          <FormGroup label={t('common.namespace')} isRequired fieldId="namespace">
            <FormSelect id="namespace" isDisabled={locked} value={form.namespace} onChange={(_e, v) => set({ namespace: v })} validated={errors.namespace ? 'error' : 'default'}>
              {!form.namespace && <FormSelectOption value="" label={t('form.pickNamespace')} isPlaceholder />}
              {[...new Set([...namespaces, form.namespace].filter(Boolean))].map((n) => <FormSelectOption key={n} value={n} label={n} />)}
            </FormSelect>
          </FormGroup>
        </GridItem>
        <GridItem><FormField id="name" label={t('common.name')} required disabled={locked} value={form.name} onChange={(v) => set({ name: v })}
          error={errors.name} hint={t('form.nameHint')} /></GridItem>
        {form.kind !== 'daemonsets' && (
          <GridItem><FormField id="replicas" label={t('workloads.replicas')} type="number" value={form.replicas === undefined ? '' : String(form.replicas)}
            onChange={(v) => set({ replicas: toInt(v) })} error={errors.replicas} /></GridItem>
        )}
        <GridItem span={12}><FormField id="labels" label={t('form.labels')} value={formatLabels(form.labels)} placeholder="tier=frontend"
          onChange={(v) => set({ labels: parseLabels(v).labels })}
          error={Object.entries(errors).find(([k]) => k.startsWith('labels.'))?.[1]} /></GridItem>
      </Grid>
      <div style={{ marginTop: 16 }}>
        {form.containers.map((c, i) => (
          <ContainerFields key={i} c={c} i={i} errors={errors} volumes={form.volumes ?? []}
            update={(nc) => set({ containers: form.containers.map((x, j) => (j === i ? nc : x)) })}
            remove={form.containers.length > 1 ? () => set({ containers: form.containers.filter((_x, j) => j !== i) }) : undefined} />
        ))}
        <Button variant="secondary" onClick={() => set({ containers: [...form.containers, { name: `c${form.containers.length + 1}`, image: '', ports: [], resources: {} }] })}>
          {t('form.addContainer')}</Button>
      </div>
      <VolumeFields volumes={form.volumes ?? []} errors={errors} onChange={(volumes) => set({ volumes })} />
      <Card isCompact style={{ marginTop: 16 }}>
        <CardTitle>{t('form.service')}</CardTitle>
        <CardBody>
          <Grid hasGutter md={4}>
            <GridItem>
              <FormGroup label={t('form.serviceType')} fieldId="service.type">
                <FormSelect id="service.type" value={form.service?.type ?? ''} onChange={(_e, v) => set({
                  service: v ? { type: v as 'ClusterIP' | 'NodePort', ports: form.service?.ports ?? [{ port: form.containers[0]?.ports?.[0]?.containerPort ?? 80 }] } : null,
                })}>
                  <FormSelectOption value="" label={t('form.noService')} />
                  <FormSelectOption value="ClusterIP" label="ClusterIP" />
                  <FormSelectOption value="NodePort" label="NodePort" />
                </FormSelect>
              </FormGroup>
            </GridItem>
            {form.service && (
              <>
                <GridItem><FormField id="service.ports[0].port" label={t('form.servicePort')} value={svcPort?.port === undefined ? '' : String(svcPort.port)}
                  onChange={(v) => set({ service: { ...form.service!, ports: [{ ...svcPort, port: toInt(v) }] } })} error={errors['service.ports[0].port']} /></GridItem>
                {form.service.type === 'NodePort' && (
                  <GridItem><FormField id="service.ports[0].nodePort" label={t('form.nodePort')} value={svcPort?.nodePort === undefined ? '' : String(svcPort.nodePort)}
                    onChange={(v) => set({ service: { ...form.service!, ports: [{ ...svcPort, nodePort: toInt(v) }] } })}
                    error={errors['service.ports[0].nodePort']} hint={t('form.nodePortHint')} /></GridItem>
                )}
              </>
            )}
          </Grid>
        </CardBody>
      </Card>
    </>
  );
}
