import { Button, Modal, ModalBody, ModalFooter, ModalHeader, TextInput } from '@patternfly/react-core';
import { useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18n';
import { ErrorAlert } from './ErrorAlert';
import { useAction } from './useAsync';

interface Props {
  title: string;
  body: ReactNode;
  confirmLabel: string;
  /** For deletions: the user types this name to confirm. */
  typeToConfirm?: string;
  danger?: boolean;
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
}

/** Confirmation of a destructive action; the action runs once even on a double click. */
export function ConfirmDialog({ title, body, confirmLabel, typeToConfirm, danger, onConfirm, onClose }: Props) {
  const t = useT();
  const [typed, setTyped] = useState('');
  const action = useAction(async () => { await onConfirm(); onClose(); });
  const ready = !typeToConfirm || typed === typeToConfirm;
  return (
    <Modal isOpen onClose={onClose} variant="small" aria-label={title}>
      <ModalHeader title={title} titleIconVariant={danger ? 'warning' : undefined} />
      <ModalBody>
        <div>{body}</div>
        {typeToConfirm && (
          <div style={{ marginTop: 12 }}>
            <p>{t('confirm.typeName', { name: typeToConfirm })}</p>
            <TextInput aria-label={t('confirm.typeNameLabel')} value={typed} onChange={(_e, v) => setTyped(v)} data-testid="confirm-name" />
          </div>
        )}
        <ErrorAlert error={action.error} />
      </ModalBody>
      <ModalFooter>
        <Button variant={danger ? 'danger' : 'primary'} isDisabled={!ready || action.busy} isLoading={action.busy}
          onClick={() => action.run()} data-testid="confirm-button">{confirmLabel}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
