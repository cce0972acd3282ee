import { redirect } from 'next/navigation';
import { SectionNav } from '@/components/SectionNav';
import { messages } from '@/lib/i18n';
import { currentPath } from '@/lib/pageData';
import { gatewayQuery } from '@/lib/gateway';
import { DemoModeQuery } from '@/lib/graphql/cards';
import { currentSession } from '@/lib/session';
import { STAFF_ROLES } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/**
 * The operator console (運用者, role ADMIN): like the patient's and the staff pages, any other session is sent to its
 * own home before anything is read (a patient to '/', facility staff to /clinic, anyone else to the staff login);
 * the API refuses the operator's reads to every other role on its own (docs/access-policy.md).
 */
export default async function OperatorLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  const here = await currentPath();
  if (!session) redirect(`/staff/login?next=${encodeURIComponent(here)}`);
  if (session.claims.role === 'PATIENT') redirect('/');
  if (STAFF_ROLES.has(session.claims.role)) redirect('/clinic');
  if (session.claims.role !== 'ADMIN') redirect('/staff/login');
  const { t } = await messages();
  const pathname = here.split('?')[0] ?? '/operator';
  // The card lifecycle page is a demo stand-in for J-LIS (docs/operations.md "Demo: card lifecycle"): listed in demo mode only.
  const demo = await gatewayQuery(DemoModeQuery, {}, session.token);
  const demoMode = demo.ok && demo.data.demoMode;
  return (
    <>
      <SectionNav label={t.operatorNav} links={[
        { href: '/operator', label: t.operatorNavRouting }, { href: '/operator/facilities', label: t.operatorNavFacilities }, { href: '/operator/subsidies', label: t.operatorNavSubsidies },
        { href: '/operator/rollout', label: t.operatorNavRollout }, { href: '/operator/phr-apps', label: t.operatorNavPhrApps },
        { href: '/operator/insurers', label: t.operatorNavInsurers }, ...(demoMode ? [{ href: '/operator/cards', label: t.operatorNavCards }] : []),
      ]} pathname={pathname.startsWith('/operator/facilities') ? '/operator/facilities' : pathname}
      />
      <main id="main" className="page">{children}</main>
    </>
  );
}
