import type { GatewayFailure } from '@/lib/gateway';
import type { Messages } from '@/lib/messages';

/** A page whose API is still being built: says so plainly instead of showing anything invented. */
export function ComingSoon({ t, title }: { t: Messages; title: string }) {
  return (
    <section className="state" aria-labelledby="coming-soon-title" data-state="coming-soon">
      <h2 id="coming-soon-title">{t.labelled(title, t.comingSoonTitle)}</h2>
      <p>{t.comingSoonBody}</p>
      <a className="button button--quiet" href="/">{t.backHome}</a>
    </section>
  );
}

export function LoadingState({ t }: { t: Messages }) {
  return (
    <div className="state" role="status" aria-live="polite">
      <div className="spinner" aria-hidden="true" />
      <p>{t.loading}</p>
    </div>
  );
}

/**
 * Drugs, checkups or expenses the API refuses to the person herself. It happens only for a person registered as a DV or
 * abuse victim (docs/domain.md "DV"), whose card an abuser may hold: the page says neutrally that the portal cannot
 * show this and where to ask, the same words for every category, and never why.
 */
export function NotShownHere({ t }: { t: Messages }) {
  return (
    <section className="state" role="status" data-state="not-shown">
      <h2>{t.notShownTitle}</h2>
      <p>{t.notShownBody}</p>
      <p><a className="button button--quiet" href="/">{t.backHome}</a></p>
    </section>
  );
}

/** The designed error state: a plain-language reason and a way forward, never a raw error text. */
export function ErrorState({ t, failure, retryHref }: { t: Messages; failure: GatewayFailure; retryHref: string }) {
  const reason = failure.code === 'SERVICE_UNAVAILABLE' ? t.errorUnavailable : failure.code === 'FORBIDDEN' ? t.errorForbidden : t.errorGeneric;
  return (
    <section className="state" role="alert" data-state="error" data-code={failure.code}>
      <h2>{t.errorTitle}</h2>
      <p>{reason}</p>
      <p><a className="button" href={retryHref}>{t.retry}</a> <a className="button button--quiet" href="/">{t.backHome}</a></p>
    </section>
  );
}
