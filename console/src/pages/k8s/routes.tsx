// Routes of the dedicated resource pages: list, create, detail (namespaced under /namespaces/:namespace).
import { Route } from 'react-router-dom';
import { KindCreatePage } from './KindCreatePage';
import { KindDetailPage } from './KindDetailPage';
import { KindListPage } from './KindListPage';
import { KINDS } from './kinds';

export function k8sRoutes() {
  return KINDS.flatMap((k) => [
    <Route key={k.section} path={`/clusters/:cluster/${k.section}`} element={<KindListPage key={k.section} spec={k} />} />,
    <Route key={k.section + '-new'} path={`/clusters/:cluster/${k.section}/new`} element={<KindCreatePage key={k.section} spec={k} />} />,
    <Route key={k.section + '-detail'} path={k.namespaced ? `/clusters/:cluster/namespaces/:namespace/${k.section}/:name` : `/clusters/:cluster/${k.section}/:name`}
      element={<KindDetailPage key={k.section} spec={k} />} />,
  ]);
}
