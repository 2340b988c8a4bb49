import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useLiveStream } from './useLiveStream';

class FakeSource {
  static opened: FakeSource[] = [];
  listeners: Record<string, ((e: MessageEvent) => void)[]> = {};
  onerror: (() => void) | null = null;
  closed = false;
  constructor(public url: string) { FakeSource.opened.push(this); }
  addEventListener(type: string, l: (e: MessageEvent) => void) { (this.listeners[type] ??= []).push(l); }
  emit(type: string, data = '{}') { (this.listeners[type] ?? []).forEach((l) => l({ data } as MessageEvent)); }
  close() { this.closed = true; }
}

describe('useLiveStream', () => {
  beforeEach(() => { FakeSource.opened = []; vi.stubGlobal('EventSource', FakeSource); });
  afterEach(() => vi.unstubAllGlobals());

  it('is live once the server says open and hands changes over as parsed JSON', () => {
    const changes: unknown[] = [];
    const { result } = renderHook(() => useLiveStream('/w', (e) => changes.push(e), () => {}));
    expect(result.current).toBe('connecting');
    const s = FakeSource.opened[0];
    act(() => s.emit('open'));
    expect(result.current).toBe('live');
    act(() => s.emit('MODIFIED', '{"type":"MODIFIED","row":{"name":"web"}}'));
    expect(changes).toEqual([{ type: 'MODIFIED', row: { name: 'web' } }]);
  });

  it('falls back to polling when the stream fails', () => {
    const { result } = renderHook(() => useLiveStream('/w', () => {}, () => {}));
    act(() => FakeSource.opened[0].onerror?.());
    expect(result.current).toBe('polling');
  });

  it('re-lists and opens a new stream when the cluster ends the watch; closes it on unmount', () => {
    const expired = vi.fn();
    const { unmount } = renderHook(() => useLiveStream('/w', () => {}, expired));
    act(() => FakeSource.opened[0].emit('expired', '{"reason":"Gone"}'));
    expect(expired).toHaveBeenCalledTimes(1);
    expect(FakeSource.opened[0].closed).toBe(true);
    expect(FakeSource.opened).toHaveLength(2);
    unmount();
    expect(FakeSource.opened[1].closed).toBe(true);
  });

  it('opens nothing until the url is known', () => {
    renderHook(() => useLiveStream(undefined, () => {}, () => {}));
    expect(FakeSource.opened).toHaveLength(0);
  });
});
