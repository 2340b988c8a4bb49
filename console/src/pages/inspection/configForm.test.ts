import { describe, expect, it } from 'vitest';
import type { InspectionConfig } from '../../api/inspectionConfig';
import { serverMessages, splitIds, toForm, toUpdate, validate } from './configForm';

const loaded: InspectionConfig = {
  cluster: 'c1', categories: ['security'], checks: ['WL-021'], disabledChecks: ['SEC-011', 'HY-003'],
  severityOverrides: { 'WL-008': 'critical' }, schedule: null, retention: 10,
};

describe('inspection config form', () => {
  it('accepts Spring six-field and Kubernetes five-field cron, or none', () => {
    const f = toForm(loaded);
    expect(validate({ ...f, schedule: '0 0 3 * * *' })).toEqual({});
    expect(validate({ ...f, schedule: '0 3 * * *' })).toEqual({});
    expect(validate({ ...f, schedule: '' })).toEqual({});
    expect(validate({ ...f, schedule: 'daily' }).schedule).toBe('inspectionConfig.scheduleInvalid');
  });

  it('rejects retention that is not a whole number from 1 to the maximum', () => {
    const f = toForm(loaded);
    for (const bad of ['0', '-1', '2.5', '', 'ten', '1001']) expect(validate({ ...f, retention: bad }).retention).toBeDefined();
    expect(validate({ ...f, retention: '1000' }).retention).toBeUndefined();
  });

  it('rejects malformed check ids and normalises the list', () => {
    expect(splitIds('sec-011, HY-003  HY-003,')).toEqual(['SEC-011', 'HY-003']);
    expect(validate({ ...toForm(loaded), disabledChecks: 'SEC-011, nope' }).disabledChecks).toBe('inspectionConfig.checkIdInvalid');
  });

  it('sends the edited fields and keeps what the form does not show', () => {
    const update = toUpdate({ schedule: ' 0 3 * * * ', retention: '30', categories: ['rbac'], disabledChecks: 'sec-001' }, loaded);
    expect(update).toEqual({ categories: ['rbac'], checks: ['WL-021'], disabledChecks: ['SEC-001'], severityOverrides: { 'WL-008': 'critical' }, schedule: '0 3 * * *', retention: 30 });
    expect(toUpdate({ ...toForm(loaded), schedule: '  ' }, loaded).schedule).toBeNull();
  });

  it('puts the server\u2019s indexed field errors under their field', () => {
    const errors = [{ field: 'disabledChecks[1]', message: 'unknown check XX-999' }, { field: 'schedule', message: 'bad cron' }];
    expect(serverMessages(errors, 'disabledChecks')).toBe('unknown check XX-999');
    expect(serverMessages(errors, 'schedule')).toBe('bad cron');
    expect(serverMessages(errors, 'retention')).toBeUndefined();
  });
});
