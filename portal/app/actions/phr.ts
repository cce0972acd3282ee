'use server';
import { redirect } from 'next/navigation';
import { gatewayMutation } from '@/lib/gateway';
import type { DataCategory } from '@/lib/graphql/generated/graphql';
import { GrantPhrAccessMutation, RevokePhrAccessMutation } from '@/lib/graphql/phr';
import { GRANTABLE_CATEGORIES } from '@/lib/labels';
import { currentSession } from '@/lib/session';

const CATEGORIES: ReadonlySet<string> = new Set(GRANTABLE_CATEGORIES);
/** Mynaportal links data for 90 days after consent (docs/domain.md "PHR apps"); the form offers that and shorter. */
const ALLOWED_DAYS = new Set([30, 90]);

export async function grantPhr(formData: FormData): Promise<void> {
  const session = await currentSession();
  if (!session) redirect('/login?expired=1&next=/phr');
  const appId = String(formData.get('appId') ?? '').trim();
  const categories = formData.getAll('categories').map(String).filter((category): category is DataCategory => CATEGORIES.has(category));
  const days = Number(formData.get('days'));
  if (!appId || categories.length === 0 || !ALLOWED_DAYS.has(days)) redirect('/phr?result=grant-error');
  const result = await gatewayMutation(GrantPhrAccessMutation, { appId, categories, days }, session.token);
  redirect(result.ok ? '/phr?result=granted' : '/phr?result=grant-error');
}

export async function revokePhr(formData: FormData): Promise<void> {
  const session = await currentSession();
  if (!session) redirect('/login?expired=1&next=/phr');
  const grantId = String(formData.get('grantId') ?? '');
  const result = await gatewayMutation(RevokePhrAccessMutation, { grantId }, session.token);
  redirect(result.ok ? '/phr?result=revoked' : '/phr?result=revoke-error');
}
