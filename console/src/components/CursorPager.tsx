// Previous/next over a server's continue tokens; the current token lives in the URL (?continue=).
import { Button, Toolbar, ToolbarContent, ToolbarItem } from '@patternfly/react-core';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../i18n/I18n';

export function useCursor() {
  const [params, setParams] = useSearchParams();
  const [history, setHistory] = useState<string[]>([]);
  const token = params.get('continue') ?? undefined;
  const go = (next: string | undefined) => {
    const p = new URLSearchParams(params);
    if (next) p.set('continue', next); else p.delete('continue');
    setParams(p);
  };
  return {
    token,
    reset: () => setHistory([]),
    next: (nextToken: string) => { setHistory([...history, token ?? '']); go(nextToken); },
    previous: history.length > 0 ? () => { const prev = history[history.length - 1]; setHistory(history.slice(0, -1)); go(prev || undefined); } : undefined,
  };
}

export function CursorPager({ cursor, nextToken }: { cursor: ReturnType<typeof useCursor>; nextToken?: string | null }) {
  const t = useT();
  return (
    <Toolbar><ToolbarContent>
      <ToolbarItem><Button variant="secondary" isDisabled={!cursor.previous} onClick={() => cursor.previous?.()}>{t('common.previous')}</Button></ToolbarItem>
      <ToolbarItem><Button variant="secondary" isDisabled={!nextToken} onClick={() => nextToken && cursor.next(nextToken)}>{t('common.next')}</Button></ToolbarItem>
    </ToolbarContent></Toolbar>
  );
}
