// A cluster's inspection: latest report (score, counts, trend), Run now with progress, findings with
// server-side filters kept in the URL, and exports.
import {
  Alert, Button, Card, CardBody, CardTitle, FormSelect, FormSelectOption, Gallery, Label, PageSection, Progress,
  TextInput, Title, Toolbar, ToolbarContent, ToolbarItem,
} from '@patternfly/react-core';
import { Table, Tbody, Td, Th, Thead, Tr } from '@patternfly/react-table';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { inspectionsApi, type FindingFilter, type InspectionRun, type Report } from '../../api/inspections';
import { useAuth } from '../../auth/AuthContext';
import { CursorPager, useCursor } from '../../components/CursorPager';
import { Empty } from '../../components/Empty';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ScopeBar } from '../../components/ScopeBar';
import { useAction, useAsync } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { CountBars, ScoreTrend } from './InspectionCharts';
import {
  BAND_COLOUR, CATEGORIES, SEVERITIES, SEVERITY_COLOUR, canRunInspection, consolePath, filterFromParams, filterToParams,
  isActive, progressPercent, scoreBand, type Category, type Severity,
} from './inspection';

const POLL_MS = 1000;

/** Follows a run until it ends; `onEnd` is called once with the final state. */
function useRunPoller(cluster: string, onEnd: (run: InspectionRun) => void) {
  const [run, setRun] = useState<InspectionRun>();
  const [error, setError] = useState<unknown>();
  useEffect(() => { // a run already in progress when the page opens (another user, the schedule)
    let cancelled = false;
    inspectionsApi.runs(cluster, 1).then((p) => { if (!cancelled && isActive(p.items[0])) setRun(p.items[0]); }, () => {});
    return () => { cancelled = true; };
  }, [cluster]);
  useEffect(() => {
    if (!run || !isActive(run)) return undefined;
    const id = window.setTimeout(() => {
      inspectionsApi.run(run.id).then((next) => { setRun(next); if (!isActive(next)) onEnd(next); }, setError);
    }, POLL_MS);
    return () => window.clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [run]);
  return { run, setRun, error };
}

function ReportCards({ report }: { report: Report }) {
  const t = useT();
  const band = scoreBand(report.score);
  const categories = CATEGORIES.map((c) => [c, report.byCategory[c] ?? 0] as [string, number]);
  return (
    <Gallery hasGutter minWidths={{ default: '300px' }}>
      <Card>
        <CardTitle>{t('inspection.score')}</CardTitle>
        <CardBody>
          <div style={{ fontSize: 48, fontWeight: 600, color: BAND_COLOUR[band] }} data-testid="inspection-score" data-band={band}>{report.score}</div>
          <div>{t('inspection.summary', { findings: report.findings, checks: report.checksEvaluated, objects: report.objects })}</div>
          {report.trend.previousScore != null && (
            <div>{t('inspection.trend', { previous: report.trend.previousScore, added: report.trend.newCount, resolved: report.trend.resolvedCount })}</div>
          )}
          {report.acknowledged > 0 && <div>{t('inspection.acknowledged', { count: report.acknowledged })}</div>}
          <small>{t('inspection.finishedAt', { time: new Date(report.finishedAt).toLocaleString() })}</small>
          {!report.complete && <Alert variant="info" isInline isPlain title={t('inspection.incomplete')} />}
        </CardBody>
      </Card>
      <Card>
        <CardTitle>{t('inspection.bySeverity')}</CardTitle>
        <CardBody>
          <CountBars testId="severity-bars" counts={SEVERITIES.map((s) => [s, report.bySeverity[s] ?? 0])}
            colour={(s) => SEVERITY_COLOUR[s]} label={(s) => t(`inspection.severity.${s as Severity}`)} />
        </CardBody>
      </Card>
      <Card>
        <CardTitle>{t('inspection.byCategory')}</CardTitle>
        <CardBody>
          <CountBars testId="category-bars" counts={categories} colour={() => SEVERITY_COLOUR.info} label={(c) => t(`inspection.category.${c as Category}`)} />
        </CardBody>
      </Card>
      <Card>
        <CardTitle>{t('inspection.history')}</CardTitle>
        <CardBody><ScoreTrend scores={report.history.map((h) => h.score)} title={t('inspection.history')} /></CardBody>
      </Card>
    </Gallery>
  );
}

function Findings({ runId }: { runId: string }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter = filterFromParams(params);
  const [namespace, setNamespace] = useState(filter.namespace ?? '');
  const cursor = useCursor();
  const key = JSON.stringify(filter);
  const list = useAsync((signal) => inspectionsApi.findings(runId, filter, { limit: 50, continue: cursor.token }, signal), [runId, key, cursor.token]);
  const apply = (f: FindingFilter) => { cursor.reset(); setParams(filterToParams(f)); };
  return (
    <>
      <form onSubmit={(e) => { e.preventDefault(); apply({ ...filter, namespace }); }}>
        <Toolbar><ToolbarContent>
          <ToolbarItem>
            <FormSelect aria-label={t('inspection.severity')} value={filter.severity ?? ''} data-testid="filter-severity"
              onChange={(_e, v) => apply({ ...filter, severity: v })}>
              <FormSelectOption value="" label={t('inspection.anySeverity')} />
              {SEVERITIES.map((s) => <FormSelectOption key={s} value={s} label={t(`inspection.severity.${s}`)} />)}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem>
            <FormSelect aria-label={t('inspection.category')} value={filter.category ?? ''} data-testid="filter-category"
              onChange={(_e, v) => apply({ ...filter, category: v })}>
              <FormSelectOption value="" label={t('inspection.anyCategory')} />
              {CATEGORIES.map((c) => <FormSelectOption key={c} value={c} label={t(`inspection.category.${c}`)} />)}
            </FormSelect>
          </ToolbarItem>
          <ToolbarItem><TextInput aria-label={t('common.namespace')} placeholder={t('common.namespace')} value={namespace} style={{ width: 160 }}
            onChange={(_e, v) => setNamespace(v)} data-testid="filter-namespace" /></ToolbarItem>
          <ToolbarItem><Button type="submit" variant="secondary">{t('audit.filter')}</Button></ToolbarItem>
        </ToolbarContent></Toolbar>
      </form>
      <ErrorAlert error={list.error} />
      <FindingTable findings={list.data?.items ?? []} />
      {list.data && list.data.items.length === 0 && <Empty title={t('inspection.noFindingsTitle')} body={t('inspection.noFindingsBody')} />}
      <CursorPager cursor={cursor} nextToken={list.data?.continueToken} />
    </>
  );
}

export function FindingTable({ findings, showCluster }: { findings: import('../../api/inspections').Finding[]; showCluster?: boolean }) {
  const t = useT();
  return (
    <Table variant="compact" aria-label={t('inspection.findings')} data-testid="findings-table">
      <Thead><Tr>
        <Th>{t('inspection.severity')}</Th><Th>{t('inspection.check')}</Th>{showCluster && <Th>{t('audit.cluster')}</Th>}
        <Th>{t('inspection.object')}</Th><Th>{t('inspection.message')}</Th>
      </Tr></Thead>
      <Tbody>{findings.map((f) => {
        const path = consolePath(f);
        const object = [f.kind, f.namespace, f.name].filter(Boolean).join('/');
        return (
          <Tr key={f.cluster + f.key}>
            <Td><Label color={f.severity === 'critical' ? 'red' : f.severity === 'warning' ? 'orange' : 'blue'} isCompact>{t(`inspection.severity.${f.severity}`)}</Label></Td>
            <Td><code>{f.checkId}</code> {f.title}</Td>
            {showCluster && <Td><Link to={`/clusters/${encodeURIComponent(f.cluster)}/inspection`}>{f.cluster}</Link></Td>}
            <Td>{path ? <Link to={path}>{object}</Link> : object}</Td>
            <Td>{f.message}{f.remediation && <div><small>{f.remediation}</small></div>}{f.acknowledged && <Label isCompact>{t('inspection.ack')}</Label>}</Td>
          </Tr>
        );
      })}</Tbody>
    </Table>
  );
}

export function InspectionPage() {
  const t = useT();
  const cluster = useParams().cluster!;
  const { me } = useAuth();
  const navigate = useNavigate();
  const report = useAsync((signal) => inspectionsApi.latestReport(cluster, signal), [cluster]);
  const poller = useRunPoller(cluster, () => report.reload());
  const start = useAction(async () => poller.setRun(await inspectionsApi.start(cluster)));
  const active = isActive(poller.run);
  const noReport = report.error instanceof ApiError && report.error.status === 404;
  const data = report.data;
  return (
    <>
      <ScopeBar cluster={cluster} trail={[{ label: t('nav.inspection') }]} />
      <PageSection>
        <Toolbar><ToolbarContent>
          <ToolbarItem><Title headingLevel="h1">{t('inspection.title')}</Title></ToolbarItem>
          {canRunInspection(me, cluster) && (
            <ToolbarItem><Button onClick={() => start.run()} isDisabled={active || start.busy} isLoading={active || start.busy} data-testid="run-now">
              {active ? t('inspection.running') : t('inspection.runNow')}</Button></ToolbarItem>
          )}
          {canRunInspection(me, cluster) && (
            <ToolbarItem><Button variant="secondary" onClick={() => navigate(`/clusters/${encodeURIComponent(cluster)}/inspection/config`)}
              data-testid="inspection-configure">{t('inspection.configure')}</Button></ToolbarItem>
          )}
          {data && (['html', 'csv', 'json'] as const).map((f) => (
            <ToolbarItem key={f}><Button variant="link" component="a" href={inspectionsApi.exportUrl(data.runId, f)} target={f === 'html' ? '_blank' : undefined}
              download={f !== 'html' ? true : undefined} data-testid={`export-${f}`}>{t(`inspection.export.${f}`)}</Button></ToolbarItem>
          ))}
        </ToolbarContent></Toolbar>
        <ErrorAlert error={start.error} />
        <ErrorAlert error={poller.error} />
        {poller.run && active && (
          <Progress value={progressPercent(poller.run)} data-testid="run-progress" title={t('inspection.progress', {
            step: poller.run.progress?.step ?? 0, steps: poller.run.progress?.steps ?? 0, current: poller.run.progress?.current ?? poller.run.status })} />
        )}
        {poller.run?.status === 'Failed' && (
          <Alert variant="danger" isInline title={t('inspection.failed')} data-testid="run-failed"><p>{poller.run.reason}</p></Alert>
        )}
        {poller.run?.status === 'Succeeded' && (poller.run.warnings?.length ?? 0) > 0 && (
          <Alert variant="warning" isInline title={t('inspection.warnings')}><ul>{poller.run.warnings!.map((w) => <li key={w}>{w}</li>)}</ul></Alert>
        )}
      </PageSection>
      <PageSection>
        {noReport ? <Empty title={t('inspection.emptyTitle')} body={t(canRunInspection(me, cluster) ? 'inspection.emptyBody' : 'inspection.emptyBodyViewer')} />
          : <ErrorAlert error={report.error} />}
        {data && (
          <>
            <ReportCards report={data} />
            <Title headingLevel="h2" style={{ marginTop: 24 }}>{t('inspection.findings')}</Title>
            <Findings runId={data.runId} />
          </>
        )}
      </PageSection>
    </>
  );
}
