// One object of a dedicated kind: key facts, data (ConfigMap values; Secret keys with values hidden
// until revealed), YAML with edit → dry run → apply, delete with type-the-name confirmation.
import {
  Alert, Button, DescriptionList, DescriptionListDescription, DescriptionListGroup, DescriptionListTerm, Label, LabelGroup,
  PageSection, Spinner, Tab, Tabs, TabTitleText, Title,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { kubeApi, type KubeObject } from '../../api/k8s';
import { useAuth } from '../../auth/AuthContext';
import { canEditNamespace } from '../../auth/permissions';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { useAsync } from '../../components/useAsync';
import { useT, type MessageKey } from '../../i18n/I18n';
import { objectToYaml } from '../workloads/workloadForm';
import { YamlApplyPanel } from '../workloads/YamlApplyPanel';
import { listPath, type KindSpec } from './kinds';
import { age } from './rows';
import { canReadSecrets, decodeSecretValue, maskSecret } from './secrets';

function SecretValue({ value, mayReveal, name }: { value: string; mayReveal: boolean; name: string }) {
  const t = useT();
  const [shown, setShown] = useState(false);
  const decoded = shown ? decodeSecretValue(value) : undefined;
  return (
    <>
      <Td data-testid={`secret-value-${name}`}>
        {!decoded ? <span aria-label={t('k8s.secret.hidden')}>••••••</span>
          : decoded.text !== undefined ? <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{decoded.text}</pre>
            : <em>{t('k8s.secret.binary', { bytes: decoded.bytes })}</em>}
      </Td>
      <Td>{mayReveal && value !== '' && (
        <Button variant="link" isInline onClick={() => setShown(!shown)} data-testid={`secret-reveal-${name}`}>
          {shown ? t('k8s.secret.hide') : t('k8s.secret.reveal')}</Button>)}</Td>
    </>
  );
}

function DataTable({ spec, object, mayReveal }: { spec: KindSpec; object: KubeObject; mayReveal: boolean }) {
  const t = useT();
  const data: Record<string, string> = object.data ?? {};
  const keys = Object.keys(data).sort();
  if (keys.length === 0) return <p>{t('k8s.detail.noData')}</p>;
  return (
    <Table variant="compact" aria-label={t('k8s.detail.data')} data-testid="data-table">
      <Thead><Tr><Th>{t('k8s.detail.key')}</Th><Th>{t('k8s.detail.value')}</Th>{spec.kind === 'Secret' && <Th screenReaderText={t('k8s.secret.reveal')} />}</Tr></Thead>
      <Tbody>{keys.map((k) => (
        <Tr key={k}>
          <Td><code>{k}</code></Td>
          {spec.kind === 'Secret' ? <SecretValue value={data[k]} mayReveal={mayReveal} name={k} />
            : <Td><pre style={{ margin: 0, whiteSpace: 'pre-wrap', maxHeight: 240, overflow: 'auto' }}>{data[k]}</pre></Td>}
        </Tr>
      ))}</Tbody>
    </Table>
  );
}

function MapLabels({ values }: { values: Record<string, string> | undefined }) {
  const entries = Object.entries(values ?? {});
  if (entries.length === 0) return <>—</>;
  return <LabelGroup numLabels={10}>{entries.map(([k, v]) => <Label key={k} isCompact>{k}={v}</Label>)}</LabelGroup>;
}

export function KindDetailPage({ spec }: { spec: KindSpec }) {
  const t = useT();
  const { me } = useAuth();
  const { cluster, namespace, name } = useParams() as { cluster: string; namespace?: string; name: string };
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tab = params.get('tab') === 'yaml' ? 'yaml' : 'overview';
  const object = useAsync(() => kubeApi.get(cluster, spec.type, namespace, name), [cluster, spec.type, namespace, name]);
  const [yaml, setYaml] = useState<string | null>(null);
  const [withValues, setWithValues] = useState(false);
  const [applied, setApplied] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const isSecret = spec.kind === 'Secret';
  const mayEdit = canEditNamespace(me, cluster, spec.namespaced ? namespace : undefined);
  const mayReveal = isSecret && canReadSecrets(me, cluster, namespace ?? '');
  useEffect(() => {
    if (object.data) setYaml(objectToYaml(isSecret && !withValues ? maskSecret(object.data) : object.data));
  }, [object.data, isSecret, withValues]);
  const o = object.data;
  const row = o ? spec.row(o) : {};
  const list = listPath(cluster, spec, namespace);
  const title = t(`k8s.kind.${spec.section}` as MessageKey);
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: title, to: list }, ...(namespace ? [{ label: namespace, to: list }] : []), { label: name }]} />
      <PageSection>
        <Title headingLevel="h1">{spec.kind} {name}</Title>
      </PageSection>
      <PageSection>
        <ErrorAlert error={object.error} />
        {!o && !object.error && <Spinner aria-label={t('common.loading')} />}
        {o && (
          <>
            <DescriptionList isHorizontal columnModifier={{ default: '2Col' }} style={{ marginBottom: 16 }} data-testid="facts">
              {namespace && <DescriptionListGroup><DescriptionListTerm>{t('common.namespace')}</DescriptionListTerm>
                <DescriptionListDescription>{namespace}</DescriptionListDescription></DescriptionListGroup>}
              {spec.columns.map((c) => (
                <DescriptionListGroup key={c}><DescriptionListTerm>{t(`k8s.col.${c}` as MessageKey)}</DescriptionListTerm>
                  <DescriptionListDescription data-testid={`fact-${c}`}>{row[c] || '—'}</DescriptionListDescription></DescriptionListGroup>
              ))}
              <DescriptionListGroup><DescriptionListTerm>{t('k8s.col.age')}</DescriptionListTerm>
                <DescriptionListDescription>{age(o.metadata?.creationTimestamp)}</DescriptionListDescription></DescriptionListGroup>
              <DescriptionListGroup><DescriptionListTerm>{t('k8s.detail.labels')}</DescriptionListTerm>
                <DescriptionListDescription><MapLabels values={o.metadata?.labels} /></DescriptionListDescription></DescriptionListGroup>
            </DescriptionList>
            {mayEdit && <Button variant="danger" onClick={() => setDeleting(true)} data-testid="resource-delete">{t('actions.delete')}</Button>}
          </>
        )}
      </PageSection>
      {o && (
        <PageSection>
          <Tabs activeKey={tab} onSelect={(_e, k) => setParams(k === 'overview' ? {} : { tab: String(k) }, { replace: true })} mountOnEnter unmountOnExit>
            <Tab eventKey="overview" title={<TabTitleText>{isSecret || spec.kind === 'ConfigMap' ? t('k8s.detail.data') : t('k8s.detail.annotations')}</TabTitleText>}>
              {isSecret || spec.kind === 'ConfigMap' ? <DataTable spec={spec} object={o} mayReveal={mayReveal} />
                : <MapLabels values={o.metadata?.annotations} />}
            </Tab>
            <Tab eventKey="yaml" title={<TabTitleText>{t('yaml.title')}</TabTitleText>} data-testid="tab-yaml">
              {applied && <Alert isInline variant="success" title={t('yaml.applied')} data-testid="applied" />}
              {isSecret && !withValues && (
                <Alert isInline variant="info" title={t('k8s.secret.yamlMasked')} style={{ marginBottom: 8 }}
                  actionLinks={mayReveal && mayEdit ? <Button variant="link" isInline onClick={() => setWithValues(true)} data-testid="secret-edit-values">
                    {t('k8s.secret.editWithValues')}</Button> : undefined} />
              )}
              {yaml !== null && <YamlApplyPanel cluster={cluster} namespace={namespace} yaml={yaml}
                onYaml={(y) => { setYaml(y); setApplied(false); }} readOnly={!mayEdit || (isSecret && !withValues)}
                onApplied={() => { setApplied(true); object.reload(); }} />}
            </Tab>
          </Tabs>
        </PageSection>
      )}
      {deleting && (
        <ConfirmDialog danger title={t('actions.deleteTitle', { name })} confirmLabel={t('actions.delete')} typeToConfirm={name}
          body={namespace ? t('k8s.detail.deleteBody', { kind: spec.kind, name, namespace }) : t('k8s.detail.deleteBodyCluster', { kind: spec.kind, name })}
          onConfirm={async () => { await kubeApi.remove(cluster, spec.type, namespace, name); navigate(list); }} onClose={() => setDeleting(false)} />
      )}
    </>
  );
}
