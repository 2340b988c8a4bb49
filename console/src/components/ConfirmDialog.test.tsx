import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../i18n/I18n';
import { ConfirmDialog } from './ConfirmDialog';

afterEach(cleanup);

function renderDialog(onConfirm: () => Promise<unknown>, onClose = vi.fn()) {
  render(
    <I18nProvider>
      <ConfirmDialog title="Delete web?" body="gone" confirmLabel="Delete" typeToConfirm="web" danger onConfirm={onConfirm} onClose={onClose} />
    </I18nProvider>,
  );
  return onClose;
}

describe('ConfirmDialog', () => {
  it('stays disabled until the name is typed', () => {
    renderDialog(() => Promise.resolve());
    const button = screen.getByTestId('confirm-button') as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('confirm-name'), { target: { value: 'we' } });
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('confirm-name'), { target: { value: 'web' } });
    expect(button.disabled).toBe(false);
  });

  it('runs the action once on a double click and closes', async () => {
    let resolve: () => void = () => {};
    const onConfirm = vi.fn(() => new Promise<void>((r) => { resolve = r; }));
    const onClose = renderDialog(onConfirm);
    fireEvent.change(screen.getByTestId('confirm-name'), { target: { value: 'web' } });
    fireEvent.click(screen.getByTestId('confirm-button'));
    fireEvent.click(screen.getByTestId('confirm-button'));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    resolve();
    await waitFor(() => expect(onClose).toHaveBeenCalledTimes(1));
  });

  it('shows the server message and stays open when the action fails', async () => {
    const onClose = renderDialog(() => Promise.reject(new Error('namespace is being deleted')));
    fireEvent.change(screen.getByTestId('confirm-name'), { target: { value: 'web' } });
    fireEvent.click(screen.getByTestId('confirm-button'));
    expect(await screen.findByText('namespace is being deleted')).toBeTruthy();
    expect(onClose).not.toHaveBeenCalled();
  });
});
