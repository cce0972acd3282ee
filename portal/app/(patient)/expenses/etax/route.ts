import { gatewayQuery } from '@/lib/gateway';
import { MedicalExpenseNoticeFileQuery } from '@/lib/graphql/drugs';
import { expenseNoticeXml } from '@/lib/expenses';
import { japanDay } from '@/lib/format';
import { serveYearFile, unavailable } from '@/lib/yearFile';

/**
 * GET /expenses/etax?year=YYYY: the year's 医療費通知情報 as an XML file for the 医療費控除 in a tax return,
 * fetched with the user's own token like the CSV (the same access rules: only the person's own expenses).
 */
export async function GET(request: Request): Promise<Response> {
  return serveYearFile(request, async (year, token) => {
    const result = await gatewayQuery(MedicalExpenseNoticeFileQuery, { year }, token);
    if (!result.ok) return unavailable(result);
    const { me } = result.data;
    if (!me.medicalExpenses) return new Response('medical expenses unavailable', { status: 404 });
    const xml = expenseNoticeXml(me.medicalExpenses, { name: me.name, coverages: me.qualifications }, japanDay(new Date().toISOString()));
    return new Response(xml, {
      headers: {
        'content-type': 'application/xml; charset=utf-8',
        'content-disposition': `attachment; filename="iryohi-tsuchi-${year}.xml"`,
        'cache-control': 'no-store',
      },
    });
  });
}
