// Edit a workload through the form: the server's form model is loaded, the fields the console shows
// are changed, everything else (probes, volumes, tolerations…) goes back as it came.
import { ActionGroup, Button, Form, PageSection, Spinner, Title } from '@patternfly/react-core';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { workloadFormApi } from '../../api/workloads';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { useAction, useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { workloadPath } from './paths';
import { validateForm, type FormErrors, type WorkloadForm } from './workloadForm';
import { WorkloadFormFields } from './WorkloadFormFields';

function serverErrors(error: unknown): FormErrors {
  return error instanceof ApiError ? Object.fromEntries((error.problem.errors ?? []).map((e) => [e.field, e.message])) : {};
}

export function WorkloadEditPage() {
  const t = useT();
  const navigate = useNavigate();
  const { cluster, namespace, kind, name } = useParams() as { cluster: string; namespace: string; kind: string; name: string };
  const loaded = useAsync(() => workloadFormApi.read(cluster, namespace, kind, name), [cluster, namespace, kind, name]);
  const [form, setForm] = useState<WorkloadForm | null>(null);
  useEffect(() => { if (loaded.data) setForm({ ...loaded.data, containers: loaded.data.containers ?? [] }); }, [loaded.data]);
  const clientErrors = useMemo(() => (form ? validateForm(form) : {}), [form]);
  const save = useAction(async () => {
    await workloadFormApi.update(cluster, namespace, kind, name, form!);
    navigate(workloadPath(cluster, namespace, kind, name));
  });
  const detail = workloadPath(cluster, namespace, kind, name);
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.workloads'), to: `/clusters/${encodeURIComponent(cluster)}/workloads?namespace=${encodeURIComponent(namespace)}` },
        { label: name, to: detail }, { label: t('workloads.edit') }]} />
      <PageSection><Title headingLevel="h1">{t('workloads.editTitle', { name })}</Title></PageSection>
      <PageSection>
        <ErrorAlert error={loaded.error} />
        {!form ? (!loaded.error && <Spinner aria-label={t('common.loading')} />) : (
          <Form onSubmit={(e) => { e.preventDefault(); if (Object.keys(clientErrors).length === 0) save.run(); }} style={{ maxWidth: 980 }}>
            <WorkloadFormFields form={form} onChange={setForm} errors={{ ...serverErrors(save.error), ...clientErrors }} namespaces={[namespace]} locked />
            <ErrorAlert error={save.error} />
            <ActionGroup>
              <Button type="submit" isLoading={save.busy} isDisabled={save.busy || Object.keys(clientErrors).length > 0} data-testid="edit-submit">{t('common.save')}</Button>
              <Button variant="link" onClick={() => navigate(detail)}>{t('common.cancel')}</Button>
            </ActionGroup>
          </Form>
        )}
      </PageSection>
    </>
  );
}
