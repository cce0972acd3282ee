'use client';
import { messagesFor, type Locale } from '@/lib/messages';

/**
 * A PHR app's client secret, right after registering or rotating (docs/operations.md "PHR apps"): only its hash is
 * stored, so nothing can show it again; the operator copies it now into the vendor's own secure channel.
 */
export function ClientSecretOnce({ locale, clientId, displayName, clientSecret, rotated }: { locale: Locale; clientId: string; displayName: string; clientSecret: string; rotated: boolean }) {
  const t = messagesFor(locale);
  return (
    <section className="card" aria-labelledby="client-secret-title" data-testid="client-secret">
      <h3 id="client-secret-title" style={{ marginTop: 0 }}>{rotated ? t.phrAppSecretRotatedTitle(displayName) : t.phrAppRegisteredTitle(displayName)}</h3>
      <p className="notice notice--warn" role="status"><strong>{t.phrAppSecretOnce}</strong></p>
      <div className="field">
        <label htmlFor={`client-id-${clientId}`}>{t.phrAppClientId}</label>
        <input id={`client-id-${clientId}`} readOnly value={clientId} data-testid="client-id" onFocus={(event) => event.currentTarget.select()} />
      </div>
      <div className="field">
        <label htmlFor={`client-secret-${clientId}`}>{t.phrAppClientSecret}</label>
        <input id={`client-secret-${clientId}`} readOnly value={clientSecret} data-testid="client-secret-value" spellCheck={false} autoComplete="off" onFocus={(event) => event.currentTarget.select()} style={{ fontFamily: 'monospace' }} />
      </div>
    </section>
  );
}
