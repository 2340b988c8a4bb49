import { FormGroup, FormHelperText, HelperText, HelperTextItem, TextInput } from '@patternfly/react-core';

interface Props {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  type?: 'text' | 'number';
  placeholder?: string;
  disabled?: boolean;
}

/** A text field with its error (client validation or the server's message for that field) below it. */
export function FormField({ id, label, value, onChange, error, hint, required, type = 'text', placeholder, disabled }: Props) {
  return (
    <FormGroup label={label} isRequired={required} fieldId={id}>
      <TextInput id={id} value={value} type={type} placeholder={placeholder} isDisabled={disabled} onChange={(_e, v) => onChange(v)}
        validated={error ? 'error' : 'default'} data-testid={`field-${id}`} />
      {(error || hint) && (
        <FormHelperText><HelperText>
          <HelperTextItem variant={error ? 'error' : 'default'} data-testid={error ? `error-${id}` : undefined}>{error ?? hint}</HelperTextItem>
        </HelperText></FormHelperText>
      )}
    </FormGroup>
  );
}

export function toInt(v: string): number | undefined {
  if (v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isNaN(n) ? NaN : n;
}
