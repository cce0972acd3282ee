import { gatewayQuery } from '@/lib/gateway';
import { MyMedicalExpensesQuery } from '@/lib/graphql/drugs';
import { expensesCsv } from '@/lib/expenses';
import { messages } from '@/lib/i18n';
import { currentSession } from '@/lib/session';

/** GET /expenses/csv?year=YYYY: the year's medical expenses as a file, fetched with the user's own token. */
export async function GET(request: Request): Promise<Response> {
  const year = Number(new URL(request.url).searchParams.get('year'));
  if (!Number.isInteger(year) || year < 1900 || year > 9999) return new Response('year must be a calendar year', { status: 400 });
  const session = await currentSession();
  if (!session) return new Response('login required', { status: 401 });
  const result = await gatewayQuery(MyMedicalExpensesQuery, { year }, session.token);
  if (!result.ok) return new Response('medical expenses unavailable', { status: result.code === 'UNAUTHENTICATED' ? 401 : result.code === 'FORBIDDEN' ? 403 : 502 });
  const notice = result.data.me.medicalExpenses;
  if (!notice) return new Response('medical expenses unavailable', { status: 404 });
  const { t } = await messages();
  const csv = expensesCsv(notice, [t.expensesMonth, t.facilityCode, t.expensesFacility, t.expensesClaims, t.expensesPoints, t.expensesTotalCost, t.expensesPatientShare]);
  return new Response(csv, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="medical-expenses-${year}.csv"`,
      'cache-control': 'no-store',
    },
  });
}
