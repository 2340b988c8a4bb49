// Job and CronJob actions on a workload's page: a CronJob runs now ("Trigger now", the new Job is
// linked), a Job is deleted and created again ("Rerun", confirmed first).
import { Alert, Button, FlexItem } from '@patternfly/react-core';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { jobsApi } from '../../api/k8s';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { workloadPath } from '../workloads/paths';

export function JobActions({ cluster, namespace, kind, name, onDone }: { cluster: string; namespace: string; kind: string; name: string; onDone: () => void }) {
  const t = useT();
  const [job, setJob] = useState<string | null>(null);
  const [rerun, setRerun] = useState(false);
  const trigger = useAction(async () => { const r = await jobsApi.trigger(cluster, namespace, name); setJob(r.job); onDone(); });
  if (kind === 'cronjobs') {
    return (
      <>
        <FlexItem><Button variant="secondary" onClick={() => trigger.run()} isLoading={trigger.busy} isDisabled={trigger.busy}
          data-testid="action-trigger">{t('k8s.job.trigger')}</Button></FlexItem>
        {(job || !!trigger.error) && (
          <FlexItem flex={{ default: 'flex_1' }}>
            <ErrorAlert error={trigger.error} />
            {job && <Alert isInline isPlain variant="success" data-testid="triggered-job"
              title={<>{t('k8s.job.triggered')} <Link to={workloadPath(cluster, namespace, 'jobs', job)}>{job}</Link></>} />}
          </FlexItem>
        )}
      </>
    );
  }
  if (kind !== 'jobs') return null;
  return (
    <>
      <FlexItem><Button variant="secondary" onClick={() => setRerun(true)} data-testid="action-rerun">{t('k8s.job.rerun')}</Button></FlexItem>
      {rerun && (
        <ConfirmDialog title={t('k8s.job.rerunTitle', { name })} body={t('k8s.job.rerunBody')} confirmLabel={t('k8s.job.rerun')}
          onConfirm={async () => { await jobsApi.rerun(cluster, namespace, name); onDone(); }} onClose={() => setRerun(false)} />
      )}
    </>
  );
}
