import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nProvider } from '../i18n/I18n';
import { stateMessageKey, StatusLabel } from './StatusLabel';

afterEach(() => { cleanup(); localStorage.clear(); });

describe('StatusLabel', () => {
  it('has a message for every state the server reports', () => {
    for (const s of ['Running', 'Progressing', 'Degraded', 'Stopped', 'Failed', 'Pending', 'Succeeded', 'Ready', 'NotReady',
      'Terminating', 'Bound', 'Available', 'Released', 'SchedulingDisabled', 'Active']) expect(stateMessageKey(s), s).toBeDefined();
    expect(stateMessageKey('CrashLoopBackOff')).toBeUndefined();
    expect(stateMessageKey('constructor')).toBeUndefined();
  });

  it('translates known states into Chinese and shows unknown ones as the server says them', () => {
    localStorage.setItem('flotilla.language', 'zh-CN');
    render(<I18nProvider><StatusLabel status="Running" /><StatusLabel status="Terminating" /><StatusLabel status="WeirdState" /></I18nProvider>);
    expect(screen.getAllByTestId('status').map((e) => e.textContent)).toEqual(['运行中', '终止中', 'WeirdState']);
  });

  it('keeps the server words in English', () => {
    localStorage.setItem('flotilla.language', 'en');
    render(<I18nProvider><StatusLabel status="NotReady" /><StatusLabel status="Bound" /></I18nProvider>);
    expect(screen.getAllByTestId('status').map((e) => e.textContent)).toEqual(['NotReady', 'Bound']);
  });
});
