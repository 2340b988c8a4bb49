// The masthead's search box: Enter opens /search for pods whose name contains the text.
import { SearchInput } from '@patternfly/react-core';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useT } from '../../i18n/I18n';

export function GlobalSearchBox() {
  const t = useT();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const go = () => { if (q.trim()) navigate(`/search?kind=pods&q=${encodeURIComponent(q.trim())}`); };
  return (
    <form onSubmit={(e) => { e.preventDefault(); go(); }} style={{ width: 260 }}>
      <SearchInput aria-label={t('live.searchBox')} placeholder={t('live.searchBox')} value={q} onChange={(_e, v) => setQ(v)}
        onSearch={go} onClear={() => setQ('')} data-testid="global-search" />
    </form>
  );
}
