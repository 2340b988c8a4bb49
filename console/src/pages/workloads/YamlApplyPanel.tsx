// Edit YAML, dry-run it (server-side apply, nothing persisted, changed fields listed), then apply.
import { ActionGroup, Alert, Button, Spinner } from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { lazy, Suspense, useState } from 'react';
import { workloadsApi } from '../../api/workloads';
import type { ApplyReport } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { objectToYaml } from './workloadForm';

const YamlEditor = lazy(() => import('../../components/YamlEditor'));
const YamlDiff = lazy(() => import('../../components/YamlDiff'));

/** Each dry-run document that carries objects, as the two YAML texts of its diff. */
function Diffs({ report }: { report: ApplyReport }) {
  const t = useT();
  const docs = report.documents.filter((d) => d.result);
  if (docs.length === 0) return null;
  return (
    <div style={{ marginTop: 12 }} data-testid="dry-run-diff">
      <Suspense fallback={<Spinner aria-label={t('live.loadingDiff')} />}>
        {docs.map((d) => (
          <div key={d.index} style={{ marginBottom: 12 }}>
            <strong>{d.kind} {d.namespace ? d.namespace + '/' : ''}{d.name}</strong>{' '}
            <span>{d.live ? t('live.diffTitle') : t('live.diffNew')}</span>
            <YamlDiff original={d.live ? objectToYaml(d.live) : ''} modified={objectToYaml(d.result!)} />
          </div>
        ))}
      </Suspense>
    </div>
  );
}

interface Props {
  cluster: string;
  namespace?: string;
  yaml: string;
  onYaml: (y: string) => void;
  onApplied: (report: ApplyReport) => void;
  readOnly?: boolean;
}

function Report({ report }: { report: ApplyReport }) {
  const t = useT();
  return (
    <Table variant="compact" aria-label={t('yaml.report')} data-testid="apply-report">
      <Thead><Tr><Th>{t('yaml.object')}</Th><Th>{t('yaml.action')}</Th><Th>{t('yaml.changes')}</Th></Tr></Thead>
      <Tbody>{report.documents.map((d) => (
        <Tr key={d.index}>
          <Td>{d.kind} {d.namespace ? d.namespace + '/' : ''}{d.name}</Td>
          <Td>{d.action}{d.message ? ': ' + d.message : ''}</Td>
          <Td>{(d.changes ?? []).length === 0 ? '—' : <code>{(d.changes ?? []).join(', ')}</code>}</Td>
        </Tr>
      ))}</Tbody>
    </Table>
  );
}

export function YamlApplyPanel({ cluster, namespace, yaml, onYaml, onApplied, readOnly }: Props) {
  const t = useT();
  const [dryRun, setDryRun] = useState<ApplyReport | null>(null);
  const check = useAction(async () => setDryRun(await workloadsApi.apply(cluster, yaml, namespace, true)));
  const apply = useAction(async () => onApplied(await workloadsApi.apply(cluster, yaml, namespace, false)));
  return (
    <div>
      <Suspense fallback={<Spinner aria-label={t('yaml.loadingEditor')} />}>
        <YamlEditor value={yaml} onChange={(v) => { onYaml(v); setDryRun(null); }} readOnly={readOnly} />
      </Suspense>
      <ErrorAlert error={check.error ?? apply.error} />
      {dryRun && (
        <Alert isInline variant={dryRun.complete ? 'info' : 'warning'} title={t('yaml.dryRunResult')} data-testid="dry-run-result">
          <Report report={dryRun} />
        </Alert>
      )}
      {dryRun && <Diffs report={dryRun} />}
      {!readOnly && (
        <ActionGroup style={{ marginTop: 12, display: 'flex', gap: 8 }}>
          <Button variant="secondary" onClick={() => check.run()} isLoading={check.busy} isDisabled={check.busy || !yaml.trim()} data-testid="dry-run">
            {t('yaml.dryRun')}</Button>
          <Button onClick={() => apply.run()} isLoading={apply.busy} isDisabled={apply.busy || !dryRun?.complete} data-testid="apply">
            {t('yaml.apply')}</Button>
        </ActionGroup>
      )}
    </div>
  );
}
