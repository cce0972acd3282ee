'use client';
import { useState } from 'react';

/**
 * 記号・番号 are masked by default (someone may be looking over the shoulder); the owner can reveal them.
 * The button says what it does and announces the state to screen readers (aria-pressed).
 */
export function RevealText({ value, masked, showLabel, hideLabel, describedBy }: { value: string; masked: string; showLabel: string; hideLabel: string; describedBy?: string }) {
  const [shown, setShown] = useState(false);
  return (
    <span className="reveal">
      <span data-testid="insured-number" aria-live="polite">{shown ? value : masked}</span>{' '}
      <button type="button" className="button button--quiet" aria-pressed={shown} aria-describedby={describedBy} onClick={() => setShown((current) => !current)}>
        {shown ? hideLabel : showLabel}
      </button>
    </span>
  );
}
