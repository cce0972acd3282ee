import { gatewayQuery } from '@/lib/gateway';
import { MyMedicalExpensesQuery } from '@/lib/graphql/drugs';
import { expensesCsv } from '@/lib/expenses';
import { messages } from '@/lib/i18n';
import { serveYearFile, unavailable } from '@/lib/yearFile';

/** GET /expenses/csv?year=YYYY: the year's medical expenses as a file, fetched with the user's own token. */
export async function GET(request: Request): Promise<Response> {
  return serveYearFile(request, async (year, token) => {
    const result = await gatewayQuery(MyMedicalExpensesQuery, { year }, token);
    if (!result.ok) return unavailable(result);
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
  });
}
