// Sidebar groups of a cluster's dedicated resource pages (Network, Config, Storage).
import { NavGroup, NavItem } from '@patternfly/react-core';
import { NavLink } from 'react-router-dom';
import { useT, type MessageKey } from '../../i18n/I18n';
import { GROUPS, KINDS } from './kinds';

export function K8sNav({ cluster }: { cluster: string }) {
  const t = useT();
  return (
    <>
      {GROUPS.map((g) => (
        <NavGroup key={g} title={t(`k8s.nav.${g}` as MessageKey)}>
          {KINDS.filter((k) => k.group === g).map((k) => (
            <NavItem key={k.section}>
              <NavLink to={`/clusters/${encodeURIComponent(cluster)}/${k.section}`} data-testid={`nav-${k.section}`}
                className={({ isActive }) => 'pf-v6-c-nav__link' + (isActive ? ' pf-m-current' : '')}>{t(`k8s.kind.${k.section}` as MessageKey)}</NavLink>
            </NavItem>
          ))}
        </NavGroup>
      ))}
    </>
  );
}
