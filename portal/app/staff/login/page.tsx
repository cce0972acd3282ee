import type { Metadata } from 'next';
import { messages, pageTitle } from '@/lib/i18n';
import { safeReturnPath } from '@/lib/paths';
import { StaffLoginForm } from './StaffLoginForm';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleStaffLogin');
}

export default async function StaffLoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const { locale, t } = await messages();
  return (
    <main id="main" className="page">
      <div className="card card--narrow">
        <h1>{t.staffLoginTitle}</h1>
        {params.expired ? <p className="notice notice--warn" role="status">{t.loginExpired}</p> : null}
        {params.loggedOut ? <p className="notice notice--ok" role="status">{t.loginLoggedOut}</p> : null}
        <p>{t.staffLoginLead}</p>
        <StaffLoginForm locale={locale} next={safeReturnPath(params.next, '/clinic')} />
      </div>
      <p><a href="/login">{t.patientLoginLink}</a></p>
    </main>
  );
}
