// A cluster's inspection configuration: schedule, retention, enabled categories, disabled checks.
// Validated as you type; the server's problem+json field errors are shown under the field they name.
import { ActionGroup, Alert, Button, Checkbox, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, PageSection, Title } from '@patternfly/react-core';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { inspectionConfigApi } from '../../api/inspectionConfig';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { useAction, useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { FormField } from '../workloads/FormField';
import { serverMessages, toForm, toUpdate, validate, type ConfigForm } from './configForm';
import { CATEGORIES, type Category } from './inspection';

export function InspectionConfigPage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const navigate = useNavigate();
  const loaded = useAsync(() => inspectionConfigApi.get(cluster), [cluster]);
  const [form, setForm] = useState<ConfigForm>();
  useEffect(() => { if (loaded.data) setForm(toForm(loaded.data)); }, [loaded.data]);
  const save = useAction(async (f: ConfigForm) => {
    await inspectionConfigApi.put(cluster, toUpdate(f, loaded.data!));
    navigate(`/clusters/${encodeURIComponent(cluster)}/inspection`);
  });
  const problemErrors = save.error instanceof ApiError ? save.error.problem.errors : undefined;
  const clientErrors = form ? validate(form) : {};
  const message = (field: 'schedule' | 'retention' | 'disabledChecks') =>
    (clientErrors[field] ? t(clientErrors[field]!) : undefined) ?? serverMessages(problemErrors, field);
  const categoriesError = serverMessages(problemErrors, 'categories');
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.inspection'), to: `/clusters/${encodeURIComponent(cluster)}/inspection` }, { label: t('inspectionConfig.title') }]} />
      <PageSection><Title headingLevel="h1">{t('inspectionConfig.title')}</Title></PageSection>
      <PageSection>
        <ErrorAlert error={loaded.error} />
        {save.error instanceof ApiError && !problemErrors?.length ? <ErrorAlert error={save.error} /> : null}
        {problemErrors?.length ? <Alert variant="danger" isInline title={save.error instanceof ApiError ? save.error.problem.title ?? t('error.generic') : t('error.generic')} /> : null}
        {form && (
          <Form onSubmit={(e) => { e.preventDefault(); if (Object.keys(validate(form)).length === 0) void save.run(form); }} style={{ maxWidth: 640 }}>
            <FormField id="schedule" label={t('inspectionConfig.schedule')} value={form.schedule} placeholder="0 0 3 * * *"
              hint={loaded.data?.nextRunAt ? t('inspectionConfig.nextRun', { time: new Date(loaded.data.nextRunAt).toLocaleString() }) : t('inspectionConfig.scheduleHint')}
              error={message('schedule')} onChange={(v) => setForm({ ...form, schedule: v })} />
            <FormField id="retention" label={t('inspectionConfig.retention')} value={form.retention} type="number" required
              hint={t('inspectionConfig.retentionHint')} error={message('retention')} onChange={(v) => setForm({ ...form, retention: v })} />
            <FormGroup label={t('inspectionConfig.categories')} fieldId="categories" role="group">
              {CATEGORIES.map((c) => (
                <Checkbox key={c} id={`category-${c}`} label={t(`inspection.category.${c as Category}`)} isChecked={form.categories.includes(c)}
                  onChange={(_e, on) => setForm({ ...form, categories: on ? [...form.categories, c] : form.categories.filter((x) => x !== c) })} />
              ))}
              <FormHelperText><HelperText>
                <HelperTextItem variant={categoriesError ? 'error' : 'default'} data-testid={categoriesError ? 'error-categories' : undefined}>
                  {categoriesError ?? t('inspectionConfig.categoriesHint')}</HelperTextItem>
              </HelperText></FormHelperText>
            </FormGroup>
            <FormField id="disabledChecks" label={t('inspectionConfig.disabledChecks')} value={form.disabledChecks} placeholder="SEC-011, HY-003"
              hint={t('inspectionConfig.disabledChecksHint')} error={message('disabledChecks')} onChange={(v) => setForm({ ...form, disabledChecks: v })} />
            <ActionGroup>
              <Button type="submit" isDisabled={Object.keys(clientErrors).length > 0 || save.busy} isLoading={save.busy} data-testid="config-save">{t('common.save')}</Button>
              <Button variant="link" onClick={() => navigate(`/clusters/${encodeURIComponent(cluster)}/inspection`)}>{t('common.cancel')}</Button>
            </ActionGroup>
          </Form>
        )}
      </PageSection>
    </>
  );
}
