import type { Metadata, Viewport } from 'next';
import { headers } from 'next/headers';
import './globals.css';
import { messages } from '@/lib/i18n';
import { currentSession } from '@/lib/session';
import { switchLocale } from './actions/locale';
import { logout } from './actions/auth';

/** The tab title and description follow the chosen language (the cookie), like the page itself. */
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await messages();
  return { title: { default: t.siteName, template: `%s | ${t.siteName}` }, description: t.siteDescription };
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const { locale, t } = await messages();
  const session = await currentSession();
  const currentPath = (await headers()).get('x-onshi-path') ?? '/';
  // The card-reader kiosk faces patients: no logout and no link into the staff pages.
  const kiosk = currentPath === '/reader' || currentPath.startsWith('/reader/') || currentPath.startsWith('/reader?');
  return (
    <html lang={locale}>
      <body>
        <a className="skip-link" href="#main">{t.skipToContent}</a>
        <header className="site-header">
          <div className="site-header__inner">
            {kiosk ? (
              <span className="site-title">
                <span className="site-title__name">{t.siteName}</span>
                <span className="site-title__tagline">{t.siteTagline}</span>
              </span>
            ) : (
              <a className="site-title" href={session?.claims.role === 'PATIENT' ? '/' : session?.claims.role === 'ADMIN' ? '/operator' : session ? '/clinic' : '/login'}>
                <span className="site-title__name">{t.siteName}</span>
                <span className="site-title__tagline">{t.siteTagline}</span>
              </a>
            )}
            <div className="site-header__actions">
              <form action={switchLocale}>
                <input type="hidden" name="locale" value={locale === 'ja' ? 'en' : 'ja'} />
                <input type="hidden" name="returnTo" value={currentPath} />
                <button type="submit" className="button button--quiet" lang={locale === 'ja' ? 'en' : 'ja'} aria-label={t.languageSwitchLabel}>{t.languageSwitch}</button>
              </form>
              {session && !kiosk ? (
                <form action={logout}>
                  <button type="submit" className="button button--quiet">{t.logout}</button>
                </form>
              ) : null}
            </div>
          </div>
        </header>
        {children}
      </body>
    </html>
  );
}
