/**
 * Japanese first, English on request. The choice lives in a cookie so server components render the
 * right language on the first byte.
 */
import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { messagesFor, type Locale, type Messages } from './messages';

export type { Locale, Messages };
export const LOCALE_COOKIE = 'onshi_lang';

export async function currentLocale(): Promise<Locale> {
  return (await cookies()).get(LOCALE_COOKIE)?.value === 'en' ? 'en' : 'ja';
}

export async function messages(): Promise<{ locale: Locale; t: Messages }> {
  const locale = await currentLocale();
  return { locale, t: messagesFor(locale) };
}

type TitleKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];

/** A page's tab title in the reader's language (the root layout adds the site name in the same language). */
export async function pageTitle(key: TitleKey): Promise<Metadata> {
  const { t } = await messages();
  return { title: t[key] };
}
