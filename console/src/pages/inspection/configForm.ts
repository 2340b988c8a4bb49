// The inspection configuration form model: text fields ↔ the API's update, client-side validation
// mirroring the server's rules (the server still decides). Pure.
import type { FieldError } from '../../api/client';
import type { InspectionConfig, InspectionConfigUpdate } from '../../api/inspectionConfig';

export interface ConfigForm {
  schedule: string;
  retention: string;
  categories: string[];
  /** check ids, separated by commas or spaces */
  disabledChecks: string;
}

export type ConfigMessage = 'inspectionConfig.scheduleInvalid' | 'inspectionConfig.retentionInvalid' | 'inspectionConfig.checkIdInvalid';
export type ConfigErrors = Partial<Record<'schedule' | 'retention' | 'disabledChecks', ConfigMessage>>;

const CHECK_ID = /^[A-Z]{2,3}-\d{3}$/;

export function toForm(c: InspectionConfig): ConfigForm {
  return { schedule: c.schedule ?? '', retention: String(c.retention), categories: [...c.categories], disabledChecks: c.disabledChecks.join(', ') };
}

export function splitIds(text: string): string[] {
  return [...new Set(text.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

/** Message keys of client-side errors (empty when the form may be sent). */
export function validate(f: ConfigForm, maxRetention = 1000): ConfigErrors {
  const errors: ConfigErrors = {};
  const schedule = f.schedule.trim();
  if (schedule) {
    const fields = schedule.split(/\s+/).length;
    if (fields !== 5 && fields !== 6) errors.schedule = 'inspectionConfig.scheduleInvalid';
  }
  const retention = Number(f.retention);
  if (f.retention.trim() === '' || !Number.isInteger(retention) || retention < 1 || retention > maxRetention) {
    errors.retention = 'inspectionConfig.retentionInvalid';
  }
  if (splitIds(f.disabledChecks).some((id) => !CHECK_ID.test(id))) errors.disabledChecks = 'inspectionConfig.checkIdInvalid';
  return errors;
}

/** The PUT body: the form's fields plus what the form does not show (checks, severity overrides) unchanged. */
export function toUpdate(f: ConfigForm, loaded: InspectionConfig): InspectionConfigUpdate {
  return {
    categories: f.categories,
    checks: loaded.checks,
    disabledChecks: splitIds(f.disabledChecks),
    severityOverrides: loaded.severityOverrides,
    schedule: f.schedule.trim() || null,
    retention: Number(f.retention),
  };
}

/** The server's messages for a form field: `disabledChecks[1]` and `disabledChecks` both belong to disabledChecks. */
export function serverMessages(errors: FieldError[] | undefined, field: string): string | undefined {
  const mine = (errors ?? []).filter((e) => e.field === field || e.field.startsWith(field + '[') || e.field.startsWith(field + '.'));
  return mine.length ? mine.map((e) => e.message).join('; ') : undefined;
}
