'use server';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { LOCALE_COOKIE } from '@/lib/i18n';
import { safeReturnPath } from '@/lib/paths';

/** Switches the language and returns to the same page (works without JavaScript: a plain form post). */
export async function switchLocale(formData: FormData): Promise<void> {
  const next = formData.get('locale') === 'en' ? 'en' : 'ja';
  (await cookies()).set(LOCALE_COOKIE, next, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 60 * 60, httpOnly: true });
  redirect(safeReturnPath(formData.get('returnTo')));
}
