import type { Metadata } from 'next';
import { messages } from '@/lib/i18n';
import { EnrollmentForm } from './EnrollmentForm';

/** The link carries a secret: no Referer leaves this page with it. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await messages();
  return { title: t.titleEnroll, referrer: 'no-referrer' };
}

/**
 * The one-time enrollment link (docs/operations.md step 3): no session — the token in the link is the proof. The
 * person chooses a password, scans the otpauth QR code shown once, and confirms with a first code; then logs in.
 */
export default async function EnrollPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const query = await searchParams;
  const { locale, t } = await messages();
  const token = typeof query.token === 'string' ? query.token : '';
  return (
    <main id="main" className="page">
      <h1>{t.enrollTitle}</h1>
      {token === '' ? <p className="notice notice--error" role="alert" data-testid="enroll-refused">{t.enrollNoLink}</p> : <EnrollmentForm locale={locale} token={token} />}
    </main>
  );
}
