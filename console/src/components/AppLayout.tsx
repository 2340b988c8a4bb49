import {
  Dropdown, DropdownItem, DropdownList, Masthead, MastheadBrand, MastheadContent, MastheadMain, MenuToggle,
  Nav, NavGroup, NavItem, NavList, Page, PageSidebar, PageSidebarBody, ToggleGroup, ToggleGroupItem,
  Toolbar, ToolbarContent, ToolbarGroup, ToolbarItem,
} from '@patternfly/react-core';
import { useState, type ReactNode } from 'react';
import { NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthContext';
import { can } from '../auth/permissions';
import { gmLinks } from '../pages/management/gmNav';
import { LANGUAGES, useI18n } from '../i18n/I18n';
import { GlobalSearchBox } from '../pages/search/GlobalSearchBox';
import { K8sNav } from '../pages/k8s/K8sNav';
import { ErrorBoundary } from './ErrorBoundary';

function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <ToggleGroup aria-label="language" isCompact>
      {LANGUAGES.map((l) => (
        <ToggleGroupItem key={l.code} text={l.label} buttonId={`lang-${l.code}`} isSelected={lang === l.code}
          onChange={() => setLang(l.code)} />
      ))}
    </ToggleGroup>
  );
}

function UserMenu() {
  const { me, logout } = useAuth();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  if (!me) return null;
  return (
    <Dropdown isOpen={open} onOpenChange={setOpen} popperProps={{ position: 'right' }}
      toggle={(ref) => <MenuToggle ref={ref} onClick={() => setOpen(!open)} isExpanded={open} variant="plainText" data-testid="user-menu">
        {me.displayName || me.username}</MenuToggle>}>
      <DropdownList>
        <DropdownItem key="who" isDisabled description={me.platformRoles.join(', ') || t('user.noPlatformRole')}>
          {t('user.signedInAs', { name: me.username, source: me.source })}
        </DropdownItem>
        <DropdownItem key="keys" onClick={() => { setOpen(false); navigate('/accesskeys'); }} data-testid="menu-access-keys">{t('user.accessKeys')}</DropdownItem>
        <DropdownItem key="logout" onClick={() => logout()} data-testid="logout">{t('user.logout')}</DropdownItem>
      </DropdownList>
    </Dropdown>
  );
}

function Link({ to, children, end }: { to: string; children: ReactNode; end?: boolean }) {
  return (
    <NavItem>
      <NavLink to={to} end={end} className={({ isActive }) => 'pf-v6-c-nav__link' + (isActive ? ' pf-m-current' : '')}>{children}</NavLink>
    </NavItem>
  );
}

function Sidebar() {
  const { t } = useI18n();
  const { cluster } = useParams();
  const { me } = useAuth();
  return (
    <PageSidebar>
      <PageSidebarBody>
        <Nav aria-label="main">
          <NavList>
            <Link to="/clusters" end>{t('nav.clusters')}</Link>
            <Link to="/inspection/fleet">{t('nav.fleet')}</Link>
            <Link to="/search">{t('live.search')}</Link>
          </NavList>
          {cluster && (
            <NavGroup title={t('nav.cluster', { name: cluster })}>
              <Link to={`/clusters/${encodeURIComponent(cluster)}`} end>{t('nav.overview')}</Link>
              <Link to={`/clusters/${encodeURIComponent(cluster)}/workloads`}>{t('nav.workloads')}</Link>
              <Link to={`/clusters/${encodeURIComponent(cluster)}/pods`}>{t('nav.pods')}</Link>
              <Link to={`/clusters/${encodeURIComponent(cluster)}/nodes`}>{t('nav.nodes')}</Link>
              <Link to={`/clusters/${encodeURIComponent(cluster)}/namespaces`}>{t('nav.namespaces')}</Link>
              <Link to={`/clusters/${encodeURIComponent(cluster)}/resources`}>{t('nav.resources')}</Link>
              <Link to={`/clusters/${encodeURIComponent(cluster)}/inspection`}>{t('nav.inspection')}</Link>
            </NavGroup>
          )}
          {cluster && <K8sNav cluster={cluster} />}
          {(can(me, 'users', 'list') || can(me, 'audit', 'list') || gmLinks(me).length > 0) && (
            <NavGroup title={t('nav.management')}>
              {can(me, 'users', 'list') && <Link to="/management/users">{t('nav.users')}</Link>}
              {gmLinks(me).map((l) => <Link key={l.to} to={l.to}>{t(l.label)}</Link>)}
              {can(me, 'audit', 'list') && <Link to="/management/audit">{t('nav.audit')}</Link>}
            </NavGroup>
          )}
        </Nav>
      </PageSidebarBody>
    </PageSidebar>
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const location = useLocation();
  const masthead = (
    <Masthead>
      <MastheadMain>
        <MastheadBrand><NavLink to="/clusters" style={{ color: 'inherit', fontWeight: 600, fontSize: 18, textDecoration: 'none' }}>{t('app.name')}</NavLink></MastheadBrand>
      </MastheadMain>
      <MastheadContent>
        <Toolbar isFullHeight>
          <ToolbarContent>
            <ToolbarGroup align={{ default: 'alignEnd' }}>
              <ToolbarItem><GlobalSearchBox /></ToolbarItem>
              <ToolbarItem><LanguageSwitch /></ToolbarItem>
              <ToolbarItem><UserMenu /></ToolbarItem>
            </ToolbarGroup>
          </ToolbarContent>
        </Toolbar>
      </MastheadContent>
    </Masthead>
  );
  return (
    <Page masthead={masthead} sidebar={<Sidebar />} isManagedSidebar>
      <ErrorBoundary title={t('error.page')} resetKey={location.pathname}>
        <Outlet />
      </ErrorBoundary>
    </Page>
  );
}

export { LanguageSwitch };
