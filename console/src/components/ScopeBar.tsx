// Breadcrumbs with cluster and namespace pickers: changing one keeps the page and updates the URL.
import { Breadcrumb, BreadcrumbItem, FormSelect, FormSelectOption, PageSection } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { clustersApi } from '../api/clusters';
import { useAuth } from '../auth/AuthContext';
import { grantedNamespaces } from '../auth/permissions';
import { useT } from '../i18n/I18n';
import { KINDS } from '../pages/k8s/kinds';
import { useAsync } from './useAsync';

interface Props {
  cluster: string;
  /** undefined: the page is not namespaced; '' = all namespaces */
  namespace?: string;
  onNamespace?: (ns: string) => void;
  allowAllNamespaces?: boolean;
  trail?: { label: string; to?: string }[];
}

export function useNamespaces(cluster: string) {
  const { me } = useAuth();
  return useAsync(async () => {
    try {
      return (await clustersApi.namespaces(cluster)).map((n) => n.name);
    } catch {
      return grantedNamespaces(me, cluster);
    }
  }, [cluster, me]);
}

export function ScopeBar({ cluster, namespace, onNamespace, allowAllNamespaces = true, trail = [] }: Props) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const clusters = useAsync(() => clustersApi.list({ limit: 500 }), []);
  const namespaces = useNamespaces(cluster);
  const switchCluster = (next: string) => {
    const rest = location.pathname.split('/').slice(3, 4).join('/');
    navigate(`/clusters/${encodeURIComponent(next)}${['workloads', 'pods', 'nodes', 'namespaces', 'resources', ...KINDS.map((k) => k.section)].includes(rest) ? '/' + rest : ''}`);
  };
  const crumbs: ReactNode[] = [
    <BreadcrumbItem key="clusters"><Link to="/clusters">{t('nav.clusters')}</Link></BreadcrumbItem>,
    <BreadcrumbItem key="cluster">
      <FormSelect aria-label={t('scope.cluster')} value={cluster} onChange={(_e, v) => switchCluster(v)}
        style={{ minWidth: 160 }} data-testid="cluster-picker">
        {(clusters.data?.items ?? [{ name: cluster }]).map((c) => <FormSelectOption key={c.name} value={c.name} label={c.name} />)}
      </FormSelect>
    </BreadcrumbItem>,
  ];
  if (namespace !== undefined && onNamespace) {
    crumbs.push(
      <BreadcrumbItem key="ns">
        <FormSelect aria-label={t('scope.namespace')} value={namespace} onChange={(_e, v) => onNamespace(v)}
          style={{ minWidth: 160 }} data-testid="namespace-picker">
          {allowAllNamespaces && <FormSelectOption value="" label={t('scope.allNamespaces')} />}
          {(namespaces.data ?? (namespace ? [namespace] : [])).map((n) => <FormSelectOption key={n} value={n} label={n} />)}
        </FormSelect>
      </BreadcrumbItem>,
    );
  }
  trail.forEach((c, i) => crumbs.push(
    <BreadcrumbItem key={'t' + i} isActive={!c.to}>{c.to ? <Link to={c.to}>{c.label}</Link> : c.label}</BreadcrumbItem>,
  ));
  return (
    <PageSection padding={{ default: 'noPadding' }} style={{ padding: '8px 24px' }}>
      <Breadcrumb>{crumbs}</Breadcrumb>
    </PageSection>
  );
}
