// Subscribes to a server-sent change stream; reports whether it is live so callers poll otherwise.
import { useEffect, useRef, useState } from 'react';

export type LiveState = 'connecting' | 'live' | 'polling';

/**
 * Opens an EventSource on url (none when url is undefined) and hands each ADDED/MODIFIED/DELETED
 * event's JSON to onChange (no url: not yet known, nothing is opened). 'expired' (the cluster ended the watch) calls onExpired, which should
 * re-list; the stream is then reopened. A stream that fails leaves the state 'polling'.
 */
export function useLiveStream<E>(url: string | undefined, onChange: (event: E) => void, onExpired: () => void): LiveState {
  const [state, setState] = useState<LiveState>('connecting');
  const [generation, setGeneration] = useState(0);
  const change = useRef(onChange);
  change.current = onChange;
  const expired = useRef(onExpired);
  expired.current = onExpired;
  useEffect(() => {
    if (typeof EventSource === 'undefined') { setState('polling'); return undefined; }
    if (!url) { setState('connecting'); return undefined; }
    setState('connecting');
    const source = new EventSource(url);
    const handle = (e: MessageEvent) => { try { change.current(JSON.parse(e.data) as E); } catch { /* a malformed event is skipped */ } };
    source.addEventListener('open', () => setState('live'));
    for (const type of ['ADDED', 'MODIFIED', 'DELETED']) source.addEventListener(type, handle as EventListener);
    source.addEventListener('expired', () => { source.close(); expired.current(); setGeneration((g) => g + 1); });
    // EventSource retries by itself; until it is open again the caller polls
    source.onerror = () => setState('polling');
    return () => source.close();
  }, [url, generation]);
  return state;
}
