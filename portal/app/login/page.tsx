import type { Metadata } from 'next';
import { messages, pageTitle } from '@/lib/i18n';
import { safeReturnPath } from '@/lib/paths';
import { CardLoginForm } from './CardLoginForm';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleLogin');
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  const next = safeReturnPath(params.next);
  return (
    <main id="main" className="page">
      <div className="card card--narrow">
        <h1>{t.loginTitle}</h1>
        {params.expired ? <p className="notice notice--warn" role="status">{t.loginExpired}</p> : null}
        {params.loggedOut ? <p className="notice notice--ok" role="status">{t.loginLoggedOut}</p> : null}
        <p>{t.loginLead}</p>
        <CardLoginForm locale={locale} next={next} />
      </div>
      <p><a href="/staff/login">{t.staffLoginLink}</a></p>
    </main>
  );
}
