// The global-management sidebar links the signed-in user may use: shown when GET /me allows listing the
// resource platform-wide, or (tree, role bindings) when the user holds a folder or workspace role.
import type { Me } from '../../api/types';
import { can } from '../../auth/permissions';
import type { MessageKey } from '../../i18n/I18n';

export function gmLinks(me: Me | null): { to: string; label: MessageKey }[] {
  if (!me) return [];
  const tenant = me.grants.some((g) => g.scopeKind === 'folder' || g.scopeKind === 'workspace');
  const links: { to: string; label: MessageKey }[] = [];
  if (can(me, 'groups', 'list')) links.push({ to: '/management/groups', label: 'gm.nav.groups' });
  if (can(me, 'folders', 'list') || can(me, 'workspaces', 'list') || tenant) links.push({ to: '/management/tenancy', label: 'gm.nav.tenancy' });
  if (can(me, 'rolebindings', 'list') || tenant) links.push({ to: '/management/rolebindings', label: 'gm.nav.rolebindings' });
  return links;
}
