import {
  ActionGroup, Alert, Button, Form, FormGroup, FormHelperText, HelperText, HelperTextItem, PageSection, TextArea, TextInput, Title,
} from '@patternfly/react-core';
import { useState, type ChangeEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { clustersApi } from '../../api/clusters';
import type { ClusterRequest, VerificationResult } from '../../api/types';
import { ErrorAlert, fieldMessage } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';
import { isDnsLabel } from '../workloads/workloadForm';
import { parseLabels } from './labels';

function Helper({ error, hint }: { error?: string; hint?: string }) {
  if (!error && !hint) return null;
  return <FormHelperText><HelperText><HelperTextItem variant={error ? 'error' : 'default'}>{error ?? hint}</HelperTextItem></HelperText></FormHelperText>;
}

/** Integrate a cluster: paste or upload a kubeconfig, verify the connection, then integrate. */
export function IntegrateClusterPage() {
  const t = useT();
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [labelText, setLabelText] = useState('');
  const [kubeconfig, setKubeconfig] = useState('');
  const [verified, setVerified] = useState<VerificationResult | null>(null);
  const { labels, invalid } = parseLabels(labelText);
  const body: ClusterRequest = { name, displayName: displayName || undefined, labels, kubeconfig };
  const verify = useAction(async () => { setVerified(await clustersApi.verify(body)); });
  const create = useAction(async () => {
    const c = await clustersApi.create(body);
    navigate(`/clusters/${encodeURIComponent(c.name)}`);
  });
  const nameError = name && !isDnsLabel(name) ? t('validation.dnsLabel') : fieldMessage(create.error, 'name');
  const kubeError = fieldMessage(create.error, 'kubeconfig') ?? fieldMessage(verify.error, 'kubeconfig');
  const valid = isDnsLabel(name) && kubeconfig.trim().length > 0 && invalid.length === 0;
  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) { setKubeconfig(await file.text()); setVerified(null); }
  };
  return (
    <>
      <PageSection><Title headingLevel="h1">{t('integrate.title')}</Title><p>{t('integrate.intro')}</p></PageSection>
      <PageSection>
        <Form style={{ maxWidth: 760 }} onSubmit={(e) => e.preventDefault()}>
          <FormGroup label={t('integrate.name')} isRequired fieldId="cluster-name">
            <TextInput id="cluster-name" value={name} onChange={(_e, v) => setName(v)} validated={nameError ? 'error' : 'default'} />
            <Helper error={nameError} hint={t('integrate.nameHint')} />
          </FormGroup>
          <FormGroup label={t('integrate.displayName')} fieldId="cluster-display">
            <TextInput id="cluster-display" value={displayName} onChange={(_e, v) => setDisplayName(v)} />
          </FormGroup>
          <FormGroup label={t('integrate.labels')} fieldId="cluster-labels">
            <TextInput id="cluster-labels" value={labelText} onChange={(_e, v) => setLabelText(v)} placeholder="region=east, provider=aws"
              validated={invalid.length ? 'error' : 'default'} />
            <Helper error={invalid.length ? t('integrate.labelsInvalid', { items: invalid.join(', ') }) : fieldMessage(create.error, 'labels')} />
          </FormGroup>
          <FormGroup label={t('integrate.kubeconfig')} isRequired fieldId="kubeconfig">
            <input type="file" aria-label={t('integrate.upload')} accept=".yaml,.yml,.kubeconfig,.conf,text/*" onChange={upload} data-testid="kubeconfig-file" />
            <TextArea id="kubeconfig" value={kubeconfig} onChange={(_e, v) => { setKubeconfig(v); setVerified(null); }}
              rows={14} resizeOrientation="vertical" style={{ fontFamily: 'monospace', fontSize: 12 }}
              placeholder={t('integrate.kubeconfigHint')} validated={kubeError ? 'error' : 'default'} />
            <Helper error={kubeError} hint={t('integrate.kubeconfigSafety')} />
          </FormGroup>
          {verified && (verified.reachable
            ? <Alert isInline variant="success" title={t('integrate.verified')} data-testid="verify-result">
                {t('integrate.verifiedBody', { version: verified.kubernetesVersion ?? '?', platform: verified.platform ?? '?',
                  ready: verified.nodes?.ready ?? 0, total: verified.nodes?.total ?? 0 })}</Alert>
            : <Alert isInline variant="danger" title={t('integrate.unreachable', { reason: verified.reason ?? '' })} data-testid="verify-result">{verified.message}</Alert>)}
          <ErrorAlert error={verify.error ?? create.error} />
          <ActionGroup>
            <Button variant="secondary" onClick={() => verify.run()} isLoading={verify.busy} isDisabled={!valid || verify.busy} data-testid="verify">
              {t('integrate.verify')}</Button>
            <Button onClick={() => create.run()} isLoading={create.busy} isDisabled={!valid || create.busy || !verified?.reachable} data-testid="integrate">
              {t('integrate.submit')}</Button>
            <Button variant="link" onClick={() => navigate('/clusters')}>{t('common.cancel')}</Button>
          </ActionGroup>
        </Form>
      </PageSection>
    </>
  );
}
