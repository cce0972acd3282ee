import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { messages, pageTitle } from '@/lib/i18n';
import { currentSession } from '@/lib/session';
import { STAFF_ROLES, staffCapabilities } from '@/lib/staff';
import { ReaderKiosk } from './ReaderKiosk';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('titleReader');
}
export const dynamic = 'force-dynamic';

/**
 * The face-auth card reader (顔認証付きカードリーダー) screen of a facility. Staff open it with their login
 * (it then plays that facility's registered demo reader); the screen itself is the patient's: no staff
 * controls, no way back to the staff pages (the layout hides its header actions on /reader).
 */
export default async function ReaderPage() {
  const session = await currentSession();
  if (!session) redirect('/staff/login?next=/reader');
  const { locale, t } = await messages();
  if (!STAFF_ROLES.has(session.claims.role)) return <main id="main" className="kiosk"><p className="notice notice--error">{t.readerStaffOnly}</p></main>;
  return (
    <main id="main" className="kiosk">
      <h1>{t.readerTitle}</h1>
      <ReaderKiosk locale={locale} asksCheckups={(await staffCapabilities(session.token)).readerAsksCheckups} />
    </main>
  );
}
