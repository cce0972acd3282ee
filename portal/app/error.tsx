'use client';
import { errorMessages } from '@/lib/errorMessages';

/**
 * Last-resort boundary: an unexpected failure while rendering shows a plain message and a retry, never the
 * error text (which could carry internals). The language follows the page's lang attribute.
 */
export default function ErrorBoundary({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = errorMessages[typeof document !== 'undefined' && document.documentElement.lang === 'en' ? 'en' : 'ja'];
  return (
    <main id="main" className="page">
      <section className="state" role="alert" data-state="error">
        <h1>{t.errorTitle}</h1>
        <p>{t.errorGeneric}</p>
        <p><button type="button" className="button" onClick={reset}>{t.retry}</button> <a className="button button--quiet" href="/">{t.backHome}</a></p>
      </section>
    </main>
  );
}
