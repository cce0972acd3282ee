import { redirect } from 'next/navigation';
import { currentPath } from '@/lib/pageData';
import { currentSession } from '@/lib/session';
import { STAFF_ROLES } from '@/lib/staff';

export const dynamic = 'force-dynamic';

/** Staff pages: only facility staff sessions; a patient or operator session goes to its own home. */
export default async function ClinicLayout({ children }: { children: React.ReactNode }) {
  const session = await currentSession();
  if (!session) redirect(`/staff/login?next=${encodeURIComponent(await currentPath())}`);
  if (session.claims.role === 'PATIENT') redirect('/');
  if (session.claims.role === 'ADMIN') redirect('/operator');
  if (!STAFF_ROLES.has(session.claims.role)) redirect('/staff/login');
  return <main id="main" className="page">{children}</main>;
}
