import { SearchPage } from './pages/search/SearchPage';
import { Bullseye, Spinner } from '@patternfly/react-core';
import { Navigate, Route, Routes } from 'react-router-dom';
import { useAuth } from './auth/AuthContext';
import { AppLayout } from './components/AppLayout';
import { Empty } from './components/Empty';
import { useT } from './i18n/I18n';
import { ClusterListPage } from './pages/clusters/ClusterListPage';
import { ClusterOverviewPage } from './pages/clusters/ClusterOverviewPage';
import { IntegrateClusterPage } from './pages/clusters/IntegrateClusterPage';
import { FleetPage } from './pages/inspection/FleetPage';
import { InspectionConfigPage } from './pages/inspection/InspectionConfigPage';
import { InspectionPage } from './pages/inspection/InspectionPage';
import { LoginPage } from './pages/login/LoginPage';
import { PodDetailPage } from './pages/pods/PodDetailPage';
import { AccessKeysPage } from './pages/management/AccessKeysPage';
import { AuditLogPage } from './pages/management/AuditLogPage';
import { GroupDetailPage } from './pages/management/GroupDetailPage';
import { GroupsPage } from './pages/management/GroupsPage';
import { RoleBindingsPage } from './pages/management/RoleBindingsPage';
import { TenancyPage } from './pages/management/TenancyPage';
import { WorkspaceDetailPage } from './pages/management/WorkspaceDetailPage';
import { UserListPage } from './pages/management/UserListPage';
import { NamespaceListPage } from './pages/namespaces/NamespaceListPage';
import { NodeListPage } from './pages/nodes/NodeListPage';
import { ResourceBrowserPage } from './pages/resources/ResourceBrowserPage';
import { PodListPage } from './pages/pods/PodListPage';
import { WorkloadCreatePage } from './pages/workloads/WorkloadCreatePage';
import { WorkloadDetailPage } from './pages/workloads/WorkloadDetailPage';
import { WorkloadEditPage } from './pages/workloads/WorkloadEditPage';
import { WorkloadListPage } from './pages/workloads/WorkloadListPage';
import { k8sRoutes } from './pages/k8s/routes';

function NotFound() {
  const t = useT();
  return <Empty title={t('notFound.title')} body={t('notFound.body')} />;
}

function Authenticated() {
  const { me, loading } = useAuth();
  const t = useT();
  if (loading || !me) return <Bullseye style={{ height: '100vh' }}><Spinner aria-label={t('common.loading')} /></Bullseye>;
  return <AppLayout />;
}

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route element={<Authenticated />}>
        <Route index element={<Navigate to="/clusters" replace />} />
        <Route path="/clusters" element={<ClusterListPage />} />
        <Route path="/clusters/new" element={<IntegrateClusterPage />} />
        <Route path="/clusters/:cluster" element={<ClusterOverviewPage />} />
        <Route path="/clusters/:cluster/workloads" element={<WorkloadListPage />} />
        <Route path="/clusters/:cluster/workloads/new" element={<WorkloadCreatePage />} />
        <Route path="/clusters/:cluster/namespaces/:namespace/workloads/:kind/:name" element={<WorkloadDetailPage />} />
        <Route path="/clusters/:cluster/namespaces/:namespace/workloads/:kind/:name/edit" element={<WorkloadEditPage />} />
        <Route path="/clusters/:cluster/pods" element={<PodListPage />} />
        <Route path="/clusters/:cluster/nodes" element={<NodeListPage />} />
        <Route path="/clusters/:cluster/namespaces" element={<NamespaceListPage />} />
        <Route path="/clusters/:cluster/resources" element={<ResourceBrowserPage />} />
        <Route path="/clusters/:cluster/namespaces/:namespace/pods/:name" element={<PodDetailPage />} />
        <Route path="/clusters/:cluster/inspection" element={<InspectionPage />} />
        <Route path="/clusters/:cluster/inspection/config" element={<InspectionConfigPage />} />
        {k8sRoutes()}
        <Route path="/inspection/fleet" element={<FleetPage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path="/management/users" element={<UserListPage />} />
        <Route path="/accesskeys" element={<AccessKeysPage />} />
        <Route path="/management/audit" element={<AuditLogPage />} />
        <Route path="/management/groups" element={<GroupsPage />} />
        <Route path="/management/groups/:name" element={<GroupDetailPage />} />
        <Route path="/management/tenancy" element={<TenancyPage />} />
        <Route path="/management/workspaces/:name" element={<WorkspaceDetailPage />} />
        <Route path="/management/rolebindings" element={<RoleBindingsPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
