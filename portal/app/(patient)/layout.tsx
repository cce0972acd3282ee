import { redirect } from 'next/navigation';
import { SectionNav } from '@/components/SectionNav';
import { messages } from '@/lib/i18n';
import { currentPath } from '@/lib/pageData';
import { currentSession } from '@/lib/session';

export const dynamic = 'force-dynamic';

/** The patient's pages: only for a PATIENT session; staff sessions belong in /clinic. */
export default async function PatientLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  const here = await currentPath();
  if (!session) redirect(`/login?next=${encodeURIComponent(here)}`);
  if (session.claims.role !== 'PATIENT') redirect('/clinic');
  const { t } = await messages();
  const pathname = here.split('?')[0] ?? '/';
  const links = [
    { href: '/', label: t.navHome },
    { href: '/insurance', label: t.navInsurance },
    { href: '/drugs', label: t.navDrugs },
    { href: '/checkups', label: t.navCheckups },
    { href: '/expenses', label: t.navExpenses },
    { href: '/access', label: t.navAccess },
    { href: '/phr', label: t.navPhr },
  ];
  return (
    <>
      <SectionNav label={t.mainNav} links={links} pathname={pathname} />
      <main id="main" className="page">{children}</main>
    </>
  );
}
