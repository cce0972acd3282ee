'use client';
import { useId, useRef } from 'react';
import { revokePhr } from '@/app/actions/phr';

interface Props {
  grantId: string;
  label: string;
  buttonLabel: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
}

/**
 * Revoking a PHR grant cuts the app off at once, so it asks first (portal/README.md "PHR連携"): a modal <dialog>
 * (the browser traps focus in it, Escape cancels, focus returns to the button) instead of window.confirm, whose
 * wording and buttons the page cannot set. The safe choice, cancel, has the focus when it opens.
 */
export function RevokeGrantButton({ grantId, label, buttonLabel, title, body, confirmLabel, cancelLabel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  return (
    <>
      <button type="button" className="button button--danger nowrap" aria-label={label} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>{buttonLabel}</button>
      <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`} data-testid="revoke-dialog">
        <h2 id={`${id}-title`} className="dialog__title">{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <form action={revokePhr} className="dialog__actions">
          <input type="hidden" name="grantId" value={grantId} />
          <button type="button" className="button button--quiet" autoFocus onClick={() => dialog.current?.close()}>{cancelLabel}</button>
          <button type="submit" className="button button--danger">{confirmLabel}</button>
        </form>
      </dialog>
    </>
  );
}
