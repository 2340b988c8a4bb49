import { ActionGroup, Alert, Button, Form, PageSection, Tab, Tabs, TabTitleText, Title } from '@patternfly/react-core';
import { useMemo, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { workloadsApi } from '../../api/workloads';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar, useNamespaces } from '../../components/ScopeBar';
import { useAction } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { workloadPath } from './paths';
import { emptyForm, formToYaml, validateForm, yamlToForm, type FormErrors, type WorkloadForm } from './workloadForm';
import { WorkloadFormFields } from './WorkloadFormFields';
import { YamlApplyPanel } from './YamlApplyPanel';

function serverErrors(error: unknown): FormErrors {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message]));
}

/** Create a workload from the form (validated as you type) or from YAML (dry run, then apply). */
export function WorkloadCreatePage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const tab = params.get('mode') === 'yaml' ? 'yaml' : 'form';
  const namespaces = useNamespaces(cluster);
  const [form, setForm] = useState<WorkloadForm>(() => emptyForm(params.get('namespace') ?? ''));
  const [touched, setTouched] = useState(false);
  const [yaml, setYaml] = useState('');
  const [yamlError, setYamlError] = useState<string>();
  const clientErrors = useMemo(() => validateForm(form), [form]);
  const create = useAction(async () => {
    const w = await workloadsApi.create(cluster, form.namespace, form);
    navigate(workloadPath(cluster, w.namespace, w.kind, w.name));
  });
  const errors = touched ? { ...serverErrors(create.error), ...clientErrors } : serverErrors(create.error);
  const switchTab = (next: string) => {
    if (next === 'yaml') setYaml(formToYaml(form));
    if (next === 'form' && yaml.trim()) {
      try { setForm(yamlToForm(yaml)); setYamlError(undefined); } catch (e) { setYamlError((e as Error).message); return; }
    }
    const p = new URLSearchParams(params);
    p.set('mode', next);
    setParams(p, { replace: true });
  };
  const submit = () => { setTouched(true); if (Object.keys(clientErrors).length === 0) create.run(); };
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.workloads'), to: `/clusters/${encodeURIComponent(cluster)}/workloads` }, { label: t('workloads.create') }]} />
      <PageSection><Title headingLevel="h1">{t('workloads.createTitle')}</Title></PageSection>
      <PageSection>
        <Tabs activeKey={tab} onSelect={(_e, k) => switchTab(String(k))}>
          <Tab eventKey="form" title={<TabTitleText>{t('workloads.fromForm')}</TabTitleText>} data-testid="tab-form" />
          <Tab eventKey="yaml" title={<TabTitleText>{t('workloads.fromYaml')}</TabTitleText>} data-testid="tab-yaml" />
        </Tabs>
        <div style={{ marginTop: 16 }}>
          {yamlError && <Alert isInline variant="danger" title={t('yaml.cannotRead')}>{yamlError}</Alert>}
          {tab === 'form' ? (
            <Form onSubmit={(e) => { e.preventDefault(); submit(); }} style={{ maxWidth: 980 }}>
              <WorkloadFormFields form={form} onChange={(f) => { setForm(f); setTouched(true); }} errors={errors} namespaces={namespaces.data ?? []} />
              <ErrorAlert error={create.error} />
              <ActionGroup>
                <Button type="submit" isLoading={create.busy} isDisabled={create.busy || (touched && Object.keys(clientErrors).length > 0)} data-testid="create-submit">
                  {t('common.create')}</Button>
                <Button variant="link" onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
              </ActionGroup>
            </Form>
          ) : (
            <YamlApplyPanel cluster={cluster} namespace={form.namespace || undefined} yaml={yaml} onYaml={setYaml}
              onApplied={(r) => {
                const d = r.documents.find((x) => ['Deployment', 'StatefulSet', 'DaemonSet'].includes(x.kind));
                navigate(d ? workloadPath(cluster, d.namespace ?? form.namespace, d.kind, d.name)
                  : `/clusters/${encodeURIComponent(cluster)}/workloads`);
              }} />
          )}
        </div>
      </PageSection>
    </>
  );
}
