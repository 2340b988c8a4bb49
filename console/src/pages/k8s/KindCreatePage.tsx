// Create an object of a dedicated kind from YAML (dry run first, then apply); ConfigMaps and Secrets
// also from a small key/value form that writes the YAML.
import { Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, PageSection, TextArea, TextInput, Title } from '@patternfly/react-core';
import { useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ScopeBar } from '../../components/ScopeBar';
import { useT, type MessageKey } from '../../i18n/I18n';
import { YamlApplyPanel } from '../workloads/YamlApplyPanel';
import { detailPath, listPath, type KindSpec } from './kinds';
import { dataKeyError, keyValueYaml, type DataRow } from './keyValues';
import { ServiceForm } from './ServiceForm';

function KeyValueForm({ kind, namespace, onYaml }: { kind: 'ConfigMap' | 'Secret'; namespace: string; onYaml: (y: string) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [rows, setRows] = useState<DataRow[]>([{ key: '', value: '' }]);
  const update = (n: string, r: DataRow[]) => { setName(n); setRows(r); onYaml(keyValueYaml(kind, n, namespace, r)); };
  return (
    <Form style={{ marginBottom: 16, maxWidth: 720 }} onSubmit={(e) => e.preventDefault()} data-testid="kv-form">
      <FormGroup label={t('common.name')} fieldId="kv-name">
        <TextInput id="kv-name" value={name} onChange={(_e, v) => update(v, rows)} />
      </FormGroup>
      {rows.map((r, i) => {
        const error = r.key || r.value ? dataKeyError(r.key) : undefined;
        return (
          <FormGroup key={i} label={t('k8s.detail.key') + ' ' + (i + 1)} fieldId={`kv-key-${i}`}>
            <div style={{ display: 'flex', gap: 8 }}>
              <TextInput id={`kv-key-${i}`} aria-label={t('k8s.detail.key')} value={r.key} validated={error ? 'error' : 'default'}
                onChange={(_e, v) => update(name, rows.map((x, j) => (j === i ? { ...x, key: v } : x)))} />
              <TextArea id={`kv-value-${i}`} aria-label={t('k8s.detail.value')} value={r.value} rows={1} autoResize
                onChange={(_e, v) => update(name, rows.map((x, j) => (j === i ? { ...x, value: v } : x)))} />
              <Button variant="plain" aria-label={t('common.remove')} onClick={() => update(name, rows.filter((_x, j) => j !== i))}>✕</Button>
            </div>
            {error && <FormHelperText><HelperText><HelperTextItem variant="error">{t(error as MessageKey)}</HelperTextItem></HelperText></FormHelperText>}
          </FormGroup>
        );
      })}
      <div><Button variant="link" isInline onClick={() => update(name, [...rows, { key: '', value: '' }])}>{t('k8s.form.addKey')}</Button></div>
    </Form>
  );
}

export function KindCreatePage({ spec }: { spec: KindSpec }) {
  const t = useT();
  const cluster = useParams().cluster!;
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const namespace = spec.namespaced ? params.get('namespace') ?? 'default' : '';
  const [yaml, setYaml] = useState(() => spec.template(namespace));
  const title = t(`k8s.kind.${spec.section}` as MessageKey);
  const keyValue = spec.kind === 'ConfigMap' || spec.kind === 'Secret';
  return (
    <>
      <ScopeBar cluster={cluster} namespace={spec.namespaced ? namespace : undefined} allowAllNamespaces={false}
        onNamespace={(ns) => { setParams({ namespace: ns }); setYaml(spec.template(ns)); }}
        trail={[{ label: title, to: listPath(cluster, spec, namespace) }, { label: t('k8s.create.trail') }]} />
      <PageSection><Title headingLevel="h1">{t('k8s.list.create', { kind: spec.kind })}</Title></PageSection>
      <PageSection>
        {keyValue && <KeyValueForm key={namespace} kind={spec.kind as 'ConfigMap' | 'Secret'} namespace={namespace} onYaml={setYaml} />}
        {spec.kind === 'Service' && <ServiceForm key={namespace} namespace={namespace} onYaml={setYaml} />}
        <p style={{ marginBottom: 8 }}>{t('k8s.create.hint')}</p>
        <YamlApplyPanel cluster={cluster} namespace={namespace || undefined} yaml={yaml} onYaml={setYaml}
          onApplied={(report) => {
            const d = report.documents[0];
            navigate(d && d.kind === spec.kind ? detailPath(cluster, spec, d.namespace ?? namespace, d.name) : listPath(cluster, spec, namespace));
          }} />
      </PageSection>
    </>
  );
}
