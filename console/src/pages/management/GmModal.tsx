// A form in a modal for the global-management pages: submit runs once (no double apply), the server's
// problem is shown inside.
import { Button, Form, Modal, ModalBody, ModalFooter, ModalHeader } from '@patternfly/react-core';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useAction } from '../../components/useAsync';
import { useT } from '../../i18n/I18n';

interface Props {
  title: string;
  submitLabel: string;
  /** false while the form is invalid */
  ready: boolean;
  onSubmit: () => Promise<unknown>;
  onClose: () => void;
  /** the fields; as a function they get the last submit's error, to show the server's message under the field it names */
  children: ReactNode | ((error: unknown) => ReactNode);
  testId?: string;
}

export function GmModal({ title, submitLabel, ready, onSubmit, onClose, children, testId }: Props) {
  const t = useT();
  const action = useAction(async () => { await onSubmit(); onClose(); });
  return (
    <Modal isOpen onClose={onClose} variant="medium" aria-label={title} data-testid={testId}>
      <ModalHeader title={title} />
      <ModalBody>
        <Form onSubmit={(e) => { e.preventDefault(); if (ready) action.run(); }}>
          {typeof children === 'function' ? children(action.error) : children}
          <ErrorAlert error={action.error} />
          <button type="submit" hidden />
        </Form>
      </ModalBody>
      <ModalFooter>
        <Button variant="primary" isDisabled={!ready || action.busy} isLoading={action.busy} onClick={() => action.run()}
          data-testid="modal-submit">{submitLabel}</Button>
        <Button variant="link" onClick={onClose}>{t('common.cancel')}</Button>
      </ModalFooter>
    </Modal>
  );
}
