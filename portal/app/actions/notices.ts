'use server';
import { redirect } from 'next/navigation';
import { gatewayMutation } from '@/lib/gateway';
import { MarkNoticesReadMutation } from '@/lib/graphql/patient';
import { currentSession } from '@/lib/session';

/** 「すべて既読にする」: the form carries the newest notice's time, so notices arriving meanwhile stay new. */
export async function markNoticesRead(formData: FormData): Promise<void> {
  const session = await currentSession();
  if (!session) redirect('/login?expired=1&next=/');
  const through = String(formData.get('through') ?? '');
  const result = await gatewayMutation(MarkNoticesReadMutation, { through }, session.token);
  redirect(result.ok ? '/' : '/?result=notices-error');
}
