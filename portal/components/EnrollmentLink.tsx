'use client';
import { formatDateTime } from '@/lib/format';
import { messagesFor, type Locale } from '@/lib/messages';

/**
 * A one-time enrollment link, shown once right after the account was created (docs/operations.md step 2): only its
 * hash is stored, so nothing can show it again. The full address is for copying into the facility's own channel.
 */
export function EnrollmentLink({ locale, staffName, path, expiresAt, insurer = false }: { locale: Locale; staffName: string; path: string; expiresAt: string; insurer?: boolean }) {
  const t = messagesFor(locale);
  const url = typeof window === 'undefined' ? path : new URL(path, window.location.href).toString();
  return (
    <section className="card" aria-labelledby="enrollment-link-title" data-testid="enrollment-link">
      <h3 id="enrollment-link-title" style={{ marginTop: 0 }}>{t.enrollmentLinkTitle}</h3>
      <p>{(insurer ? t.enrollmentLinkBodyInsurer : t.enrollmentLinkBody)(staffName, formatDateTime(expiresAt, locale))}</p>
      <label htmlFor="enrollment-url" className="muted">{t.enrollmentLinkTitle}</label>
      <input id="enrollment-url" readOnly value={url} style={{ width: '100%' }} data-testid="enrollment-url" onFocus={(event) => event.currentTarget.select()} />
    </section>
  );
}
