'use client';
import { useId, useRef } from 'react';

interface Props {
  /** The server action the confirmation submits, with `fields` as its hidden inputs. */
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string>;
  label: string;
  buttonLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  testId?: string;
  /** danger (default): a removal; primary: a final step that is no removal (e.g. marking a subsidy paid). */
  tone?: 'danger' | 'primary';
}

/**
 * An action that cannot be undone asks first (portal/README.md "PHR連携"): a modal <dialog> (the browser traps focus in
 * it, Escape cancels, focus returns to the button) instead of window.confirm, whose wording and buttons the page cannot
 * set. The safe choice, cancel, has the focus when it opens.
 */
export function ConfirmButton({ action, fields, label, buttonLabel, title, body, confirmLabel, cancelLabel, testId = 'confirm-dialog', tone = 'danger' }: Props) {
  const look = tone === 'danger' ? 'button button--danger' : 'button';
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className={`${look} nowrap`} aria-label={label} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>{buttonLabel}</button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid={testId}>
        <h2 id={`${id}-title`} className="dialog__title">{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <form action={action} className="dialog__actions">
          {Object.entries(fields).map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
          <button type="button" className="button button--quiet" autoFocus onClick={() => dialog.current?.close()}>{cancelLabel}</button>
          <button type="submit" className={look}>{confirmLabel}</button>
        </form>
      </dialog>
    </>
  );
}
