// Env vars, probes and volume mounts of one container, and the pod's volumes: the parts of the
// server's form model (WorkloadForm) beyond name/image/ports/resources. Rows of type "other" are
// what the form does not model (fieldRef env vars, named-port probes, hostPath volumes…): shown
// read-only and sent back unchanged, so the server keeps them.
import { Button, Card, CardBody, CardTitle, Checkbox, FormGroup, FormSelect, FormSelectOption, Grid, GridItem, HelperText, HelperTextItem } from '@patternfly/react-core';
import { useT } from '../../i18n/I18n';
import { FormField, toInt } from './FormField';
import type { ContainerForm, EnvForm, FormErrors, MountForm, ProbeForm, ProbeType, VolumeForm, VolumeType } from './workloadForm';

const num = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '' : String(v));

function EnvRows({ c, p, errors, update }: { c: ContainerForm; p: string; errors: FormErrors; update: (c: ContainerForm) => void }) {
  const t = useT();
  const env = c.env ?? [];
  const set = (j: number, patch: Partial<EnvForm>) => update({ ...c, env: env.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
  return (
    <FormGroup label={t('live.env')} fieldId={`${p}.env`}>
      {env.map((e, j) => {
        const q = `${p}.env[${j}]`;
        const source = e.source ?? 'value';
        return (
          <Grid hasGutter key={j} style={{ marginBottom: 8 }} data-testid={`env-row-${j}`}>
            <GridItem md={3}><FormField id={`${q}.name`} label={t('common.name')} value={e.name} onChange={(v) => set(j, { name: v })}
              error={errors[`${q}.name`]} disabled={source === 'other'} /></GridItem>
            <GridItem md={2}>
              <FormGroup label={t('live.envSource')} fieldId={`${q}.source`}>
                <FormSelect id={`${q}.source`} value={source} isDisabled={source === 'other'}
                  onChange={(_e, v) => set(j, v === 'value' ? { source: 'value', refName: undefined, refKey: undefined } : { source: v as EnvForm['source'], value: undefined })}>
                  <FormSelectOption value="value" label={t('live.envValue')} />
                  <FormSelectOption value="configMap" label="ConfigMap" />
                  <FormSelectOption value="secret" label="Secret" />
                  {source === 'other' && <FormSelectOption value="other" label={t('live.other')} />}
                </FormSelect>
              </FormGroup>
            </GridItem>
            {source === 'value' && <GridItem md={6}><FormField id={`${q}.value`} label={t('live.envValue')} value={e.value ?? ''} onChange={(v) => set(j, { value: v })} /></GridItem>}
            {(source === 'configMap' || source === 'secret') && (
              <>
                <GridItem md={3}><FormField id={`${q}.refName`} label={source === 'secret' ? t('live.secretName') : t('live.configMapName')}
                  value={e.refName ?? ''} onChange={(v) => set(j, { refName: v || undefined })} error={errors[q]} /></GridItem>
                <GridItem md={3}><FormField id={`${q}.refKey`} label={t('live.key')} value={e.refKey ?? ''} onChange={(v) => set(j, { refKey: v || undefined })} /></GridItem>
              </>
            )}
            {source === 'other' && <GridItem md={6}><HelperText><HelperTextItem>{t('live.otherKept')}</HelperTextItem></HelperText></GridItem>}
            <GridItem md={1} style={{ alignSelf: 'end' }}>
              <Button variant="link" isDanger onClick={() => update({ ...c, env: env.filter((_x, k) => k !== j) })} data-testid={`env-remove-${j}`}>{t('common.remove')}</Button>
            </GridItem>
          </Grid>
        );
      })}
      <Button variant="link" isInline onClick={() => update({ ...c, env: [...env, { name: '', source: 'value', value: '' }] })} data-testid={`${p}.env-add`}>
        {t('live.addEnv')}</Button>
    </FormGroup>
  );
}

function ProbeFields({ label, p, probe, errors, onChange }: {
  label: string; p: string; probe: ProbeForm | null | undefined; errors: FormErrors; onChange: (probe: ProbeForm | null) => void;
}) {
  const t = useT();
  const type = probe?.type ?? '';
  const set = (patch: Partial<ProbeForm>) => onChange({ ...(probe as ProbeForm), ...patch });
  return (
    <Grid hasGutter style={{ marginBottom: 8 }} data-testid={`probe-${p}`}>
      <GridItem md={2}>
        <FormGroup label={label} fieldId={`${p}.type`}>
          <FormSelect id={`${p}.type`} value={type} isDisabled={type === 'other'}
            onChange={(_e, v) => onChange(v ? { ...(probe ?? {}), type: v as ProbeType } as ProbeForm : null)}>
            <FormSelectOption value="" label={t('live.noProbe')} />
            <FormSelectOption value="http" label="HTTP GET" />
            <FormSelectOption value="tcp" label="TCP" />
            <FormSelectOption value="exec" label={t('live.probeExec')} />
            {type === 'other' && <FormSelectOption value="other" label={t('live.other')} />}
          </FormSelect>
        </FormGroup>
      </GridItem>
      {type === 'http' && <GridItem md={3}><FormField id={`${p}.path`} label={t('live.path')} value={probe?.path ?? ''} placeholder="/healthz"
        onChange={(v) => set({ path: v || undefined })} error={errors[`${p}.path`]} /></GridItem>}
      {(type === 'http' || type === 'tcp') && <GridItem md={2}><FormField id={`${p}.port`} label={t('form.port')} value={num(probe?.port)}
        onChange={(v) => set({ port: toInt(v) })} error={errors[`${p}.port`]} /></GridItem>}
      {type === 'exec' && <GridItem md={5}><FormField id={`${p}.command`} label={t('form.command')} value={(probe?.command ?? []).join(' ')}
        placeholder="cat /tmp/healthy" onChange={(v) => set({ command: v.trim() ? v.trim().split(/\s+/) : [] })} error={errors[`${p}.command`]} /></GridItem>}
      {type && type !== 'other' && (
        <>
          <GridItem md={2}><FormField id={`${p}.initialDelaySeconds`} label={t('live.initialDelay')} value={num(probe?.initialDelaySeconds)}
            onChange={(v) => set({ initialDelaySeconds: toInt(v) })} error={errors[`${p}.initialDelaySeconds`]} /></GridItem>
          <GridItem md={2}><FormField id={`${p}.periodSeconds`} label={t('live.period')} value={num(probe?.periodSeconds)}
            onChange={(v) => set({ periodSeconds: toInt(v) })} error={errors[`${p}.periodSeconds`]} /></GridItem>
        </>
      )}
      {type === 'other' && <GridItem md={8}><HelperText><HelperTextItem>{t('live.otherKept')}</HelperTextItem></HelperText>
        <Button variant="link" isDanger isInline onClick={() => onChange(null)}>{t('common.remove')}</Button></GridItem>}
    </Grid>
  );
}

function MountRows({ c, p, errors, update, volumes }: { c: ContainerForm; p: string; errors: FormErrors; update: (c: ContainerForm) => void; volumes: VolumeForm[] }) {
  const t = useT();
  const mounts = c.volumeMounts ?? [];
  const set = (j: number, patch: Partial<MountForm>) => update({ ...c, volumeMounts: mounts.map((x, k) => (k === j ? { ...x, ...patch } : x)) });
  return (
    <FormGroup label={t('live.mounts')} fieldId={`${p}.volumeMounts`}>
      {mounts.map((m, j) => {
        const q = `${p}.volumeMounts[${j}]`;
        return (
          <Grid hasGutter key={j} style={{ marginBottom: 8 }}>
            <GridItem md={3}>
              <FormGroup label={t('live.volume')} fieldId={`${q}.name`}>
                <FormSelect id={`${q}.name`} value={m.name} onChange={(_e, v) => set(j, { name: v })} validated={errors[`${q}.name`] ? 'error' : 'default'}>
                  <FormSelectOption value="" label={t('live.pickVolume')} isPlaceholder />
                  {[...new Set([...volumes.map((v) => v.name), m.name].filter(Boolean))].map((n) => <FormSelectOption key={n} value={n} label={n} />)}
                </FormSelect>
                {errors[`${q}.name`] && <HelperText><HelperTextItem variant="error">{errors[`${q}.name`]}</HelperTextItem></HelperText>}
              </FormGroup>
            </GridItem>
            <GridItem md={4}><FormField id={`${q}.mountPath`} label={t('live.mountPath')} value={m.mountPath} placeholder="/data"
              onChange={(v) => set(j, { mountPath: v })} error={errors[`${q}.mountPath`]} /></GridItem>
            <GridItem md={2}><FormField id={`${q}.subPath`} label={t('live.subPath')} value={m.subPath ?? ''} onChange={(v) => set(j, { subPath: v || undefined })} /></GridItem>
            <GridItem md={2} style={{ alignSelf: 'end' }}><Checkbox id={`${q}.readOnly`} label={t('live.readOnly')} isChecked={!!m.readOnly}
              onChange={(_e, v) => set(j, { readOnly: v || undefined })} /></GridItem>
            <GridItem md={1} style={{ alignSelf: 'end' }}><Button variant="link" isDanger onClick={() => update({ ...c, volumeMounts: mounts.filter((_x, k) => k !== j) })}>
              {t('common.remove')}</Button></GridItem>
          </Grid>
        );
      })}
      <Button variant="link" isInline isDisabled={volumes.length === 0} onClick={() => update({ ...c, volumeMounts: [...mounts, { name: volumes[0]?.name ?? '', mountPath: '' }] })}>
        {t('live.addMount')}</Button>
      {volumes.length === 0 && <HelperText><HelperTextItem>{t('live.addVolumeFirst')}</HelperTextItem></HelperText>}
    </FormGroup>
  );
}

/** Env, probes and mounts of container i. */
export function ContainerDepthFields({ c, i, errors, update, volumes }: {
  c: ContainerForm; i: number; errors: FormErrors; update: (c: ContainerForm) => void; volumes: VolumeForm[];
}) {
  const t = useT();
  const p = `containers[${i}]`;
  return (
    <div style={{ marginTop: 12 }}>
      <EnvRows c={c} p={p} errors={errors} update={update} />
      <FormGroup label={t('live.probes')} fieldId={`${p}.probes`} style={{ marginTop: 12 }}>
        <ProbeFields label={t('live.readiness')} p={`${p}.readinessProbe`} probe={c.readinessProbe} errors={errors} onChange={(v) => update({ ...c, readinessProbe: v })} />
        <ProbeFields label={t('live.liveness')} p={`${p}.livenessProbe`} probe={c.livenessProbe} errors={errors} onChange={(v) => update({ ...c, livenessProbe: v })} />
        <ProbeFields label={t('live.startup')} p={`${p}.startupProbe`} probe={c.startupProbe} errors={errors} onChange={(v) => update({ ...c, startupProbe: v })} />
      </FormGroup>
      <div style={{ marginTop: 12 }}><MountRows c={c} p={p} errors={errors} update={update} volumes={volumes} /></div>
    </div>
  );
}

const VOLUME_TYPES: VolumeType[] = ['emptyDir', 'configMap', 'secret', 'pvc'];

/** The pod's volumes (mounted by containers above). */
export function VolumeFields({ volumes, errors, onChange }: { volumes: VolumeForm[]; errors: FormErrors; onChange: (v: VolumeForm[]) => void }) {
  const t = useT();
  const set = (j: number, patch: Partial<VolumeForm>) => onChange(volumes.map((x, k) => (k === j ? { ...x, ...patch } : x)));
  return (
    <Card isCompact style={{ marginTop: 16 }} data-testid="volumes">
      <CardTitle>{t('live.volumes')}</CardTitle>
      <CardBody>
        {volumes.map((v, j) => {
          const q = `volumes[${j}]`;
          return (
            <Grid hasGutter key={j} style={{ marginBottom: 8 }}>
              <GridItem md={3}><FormField id={`${q}.name`} label={t('common.name')} value={v.name} onChange={(x) => set(j, { name: x })} error={errors[`${q}.name`]} /></GridItem>
              <GridItem md={3}>
                <FormGroup label={t('live.volumeType')} fieldId={`${q}.type`}>
                  <FormSelect id={`${q}.type`} value={v.type} isDisabled={v.type === 'other'} onChange={(_e, x) => set(j, { type: x as VolumeType, source: x === 'emptyDir' ? undefined : v.source })}>
                    {VOLUME_TYPES.map((x) => <FormSelectOption key={x} value={x} label={t(`live.volume.${x}` as never)} />)}
                    {v.type === 'other' && <FormSelectOption value="other" label={t('live.other')} />}
                  </FormSelect>
                </FormGroup>
              </GridItem>
              {v.type !== 'emptyDir' && v.type !== 'other' && <GridItem md={4}><FormField id={`${q}.source`} label={t(`live.source.${v.type}` as never)}
                value={v.source ?? ''} onChange={(x) => set(j, { source: x || undefined })} error={errors[`${q}.source`]} /></GridItem>}
              {v.type === 'other' && <GridItem md={4}><HelperText><HelperTextItem>{t('live.otherKept')}</HelperTextItem></HelperText></GridItem>}
              <GridItem md={2} style={{ alignSelf: 'end' }}><Button variant="link" isDanger onClick={() => onChange(volumes.filter((_x, k) => k !== j))}>{t('common.remove')}</Button></GridItem>
            </Grid>
          );
        })}
        <Button variant="secondary" onClick={() => onChange([...volumes, { name: `vol-${volumes.length + 1}`, type: 'emptyDir' }])} data-testid="volume-add">{t('live.addVolume')}</Button>
      </CardBody>
    </Card>
  );
}
