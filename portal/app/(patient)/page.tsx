import type { Metadata } from 'next';
import { ErrorState } from '@/components/States';
import { RevealText } from '@/components/RevealText';
import { formatDate, formatDateTime, copayPercent } from '@/lib/format';
import { gatewayQuery } from '@/lib/gateway';
import { HomeQuery } from '@/lib/graphql/patient';
import { messages, pageTitle } from '@/lib/i18n';
import { categoryLabel, facilityLabel } from '@/lib/labels';
import { readerDirectory, readerKey, readerName, specialReadLabel } from '@/lib/readers';
import { pageData } from '@/lib/pageData';
import { currentSession } from '@/lib/session';
import { markNoticesRead } from '../actions/notices';

export async function generateMetadata(): Promise<Metadata> {
  return pageTitle('navHome');
}

/** How far back a provision to a facility counts as "new" on the home page. */
const NEW_ACCESS_DAYS = 14;
/** How long an expired consent stays on the home page as a notice. */
const EXPIRED_CONSENT_DAYS = 30;

function mask(value: string): string {
  return value.replace(/./gu, '＊');
}

export default async function HomePage() {
  const { locale, t } = await messages();
  const session = await currentSession();
  const result = await pageData(await gatewayQuery(HomeQuery, {}, session?.token));
  if (!result.ok) return <ErrorState t={t} failure={result} retryHref="/" />;
  const { me } = result.data;
  const now = Date.now();
  const qualification = me.currentQualification;
  const ratio = qualification ? copayPercent(qualification.insuredPartialContributionRatio) : undefined;
  // The card's certificate, as qualifications judges it today (docs/domain.md "Card certificate expiry"): warned from
  // 3 months before expiry, in the grace period, and once the card can no longer be used.
  const certificateNotice = me.myNumberCards.find((card) => card.status === 'ACTIVE' && card.certificateStanding !== 'VALID' && card.certificateExpiresOn !== null);
  const expiredConsents = me.consents.filter((consent) => !consent.valid && now - Date.parse(consent.expiresAt) < EXPIRED_CONSENT_DAYS * 86_400_000);
  // Anyone reading my drug or checkup information is news (a facility, an insurer, an app, the operator); qualification
  // checks at the counter are routine, unless made under disaster mode or emergency access (docs/domain.md "Disaster").
  const recentReads = me.accessLog.filter((entry) => entry.decision === 'ALLOW' && entry.actorRole !== 'PATIENT'
    && (entry.category !== 'QUALIFICATION' || specialReadLabel(t, entry) !== undefined) && now - Date.parse(entry.at) < NEW_ACCESS_DAYS * 86_400_000);
  // One notice per reader and category (the newest read), with how many reads it stands for.
  const noticeKey = (entry: (typeof recentReads)[number]) => `${readerKey(entry)}|${entry.category}|${entry.special}`;
  const timesOf = new Map<string, number>();
  for (const entry of recentReads) timesOf.set(noticeKey(entry), (timesOf.get(noticeKey(entry)) ?? 0) + 1);
  // Disaster-mode and emergency reads first: they are what a patient must not miss (docs/domain.md "Emergency access").
  const newAccess = recentReads.filter((entry, index) => recentReads.findIndex((other) => noticeKey(other) === noticeKey(entry)) === index)
    .sort((a, b) => Number(specialReadLabel(t, b) !== undefined) - Number(specialReadLabel(t, a) !== undefined));
  // お知らせ with read state: a notice is new when it is later than what the person marked read (portal/README.md "Notices").
  const readThrough = me.noticesReadThrough ? Date.parse(me.noticesReadThrough) : -Infinity;
  const noticeTimes = [...expiredConsents.map((consent) => consent.expiresAt), ...newAccess.map((entry) => entry.at)];
  const isUnread = (at: string) => Date.parse(at) > readThrough;
  const unreadCount = noticeTimes.filter(isUnread).length;
  const newestNotice = noticeTimes.reduce<string | undefined>((newest, at) => (newest === undefined || Date.parse(at) > Date.parse(newest) ? at : newest), undefined);
  const readers = await readerDirectory(newAccess, session?.token);
  // 国保 cards often have no 記号: show only the parts that exist.
  const numberParts = qualification ? [qualification.insuredCardSymbol, qualification.insuredIdentificationNumber, qualification.insuredBranchNumber].filter((part) => part !== '') : [];
  const numberText = numberParts.join(' ・ ');
  const maskedText = numberParts.map(mask).join(' ・ ');
  // やりたいことから探す: the pages by what people come to do, as Mynaportal's task menu.
  const tasks = [
    { href: '/drugs?view=active', title: t.taskSeeMedicines, lead: t.sectionDrugsLead },
    { href: '/checkups', title: t.taskSeeCheckups, lead: t.sectionCheckupsLead },
    { href: '/expenses#tax-return', title: t.taskTaxReturn, lead: t.sectionExpensesLead },
    { href: '/insurance', title: t.taskSeeInsurance, lead: t.insuranceHistory },
    { href: '/access', title: t.taskWhoSaw, lead: t.sectionAccessLead },
    { href: '/phr', title: t.taskStopApp, lead: t.sectionPhrLead },
  ];
  return (
    <>
      <h1>{t.homeGreeting(me.name)}</h1>
      <section aria-labelledby="insurance-title" className="card">
        <h2 id="insurance-title" style={{ marginTop: 0 }}>{t.currentInsurance}</h2>
        {qualification ? (
          <dl className="facts">
            <dt>{t.insurerName}</dt><dd>{qualification.insurerName}</dd>
            <dt>{t.insurerNumber}</dt><dd>{qualification.insurerNumber}</dd>
            <dt>{t.symbolNumber}</dt>
            <dd>
              <RevealText value={numberText} masked={maskedText} showLabel={t.reveal} hideLabel={t.hide} describedBy="masked-hint" />
              <span id="masked-hint" className="visually-hidden">{t.maskedHint}</span>
            </dd>
            <dt>{t.copay}</dt><dd>{ratio === undefined ? qualification.insuredPartialContributionRatio : t.copayPercent(ratio)}</dd>
            <dt>{t.qualificationDate}</dt><dd>{formatDate(qualification.qualificationDate, locale)}</dd>
            <dt>{t.insuranceMember}</dt><dd>{qualification.personalFamilyClassification === '2' ? t.insuranceMemberFamily : t.insuranceMemberSelf}</dd>
          </dl>
        ) : <p>{t.noInsurance}</p>}
        <p style={{ marginBottom: 0 }}><a href="/insurance">{t.insuranceHistoryLink}</a></p>
      </section>
      {certificateNotice?.certificateExpiresOn ? (
        <section aria-labelledby="certificate-title" className={certificateNotice.certificateStanding === 'RENEW_SOON' ? 'notice notice--warn' : 'notice notice--error'} data-testid="certificate-notice" data-standing={certificateNotice.certificateStanding}>
          <h2 id="certificate-title" style={{ marginTop: 0 }}>{t.cardCertificateTitle}</h2>
          <p style={{ marginBottom: 0 }}>
            {certificateNotice.certificateStanding === 'RENEW_SOON' ? t.cardCertificateRenewSoon(formatDate(certificateNotice.certificateExpiresOn, locale))
            : certificateNotice.certificateStanding === 'EXPIRED_GRACE' ? t.cardCertificateExpiredGrace(formatDate(certificateNotice.certificateExpiresOn, locale), formatDate(certificateNotice.certificateGraceEndsOn ?? certificateNotice.certificateExpiresOn, locale))
            : t.cardCertificateExpired(formatDate(certificateNotice.certificateExpiresOn, locale))}
          </p>
        </section>
      ) : null}
      <section aria-labelledby="alerts-title">
        <h2 id="alerts-title">{t.alerts}{unreadCount > 0 ? <> <span className="badge badge--info" data-testid="unread-count">{t.noticesUnread(unreadCount)}</span></> : null}</h2>
        {expiredConsents.length === 0 && newAccess.length === 0 ? <p className="notice">{t.noAlerts}</p> : (
          <ul className="stack" style={{ listStyle: 'none', padding: 0 }}>
            {expiredConsents.map((consent) => (
              <li key={consent.id} className="notice notice--warn" data-testid="notice" data-unread={isUnread(consent.expiresAt) ? 'true' : 'false'}>
                {isUnread(consent.expiresAt) ? <><span className="badge badge--info">{t.noticeNew}</span> </> : null}
                {t.alertExpiredConsent(facilityLabel(t, consent.facility), categoryLabel(t, consent.category), formatDateTime(consent.expiresAt, locale))}
              </li>
            ))}
            {newAccess.map((entry) => {
              const special = specialReadLabel(t, entry);
              const times = timesOf.get(noticeKey(entry)) ?? 1;
              return (
                <li key={`${entry.requestId}-${entry.category}`} className={special ? 'notice notice--warn' : 'notice'} data-testid="access-notice" data-special={special ? 'true' : undefined} data-unread={isUnread(entry.at) ? 'true' : 'false'}>
                  {isUnread(entry.at) ? <><span className="badge badge--info">{t.noticeNew}</span> </> : null}
                  {special ? <><span className="badge badge--alert">{special}</span> </> : null}
                  {t.alertNewAccess(readerName(t, entry, readers), categoryLabel(t, entry.category), formatDateTime(entry.at, locale), times)} <a href="/access">{t.navAccess}</a>
                </li>
              );
            })}
          </ul>
        )}
        {unreadCount > 0 && newestNotice ? (
          <form action={markNoticesRead}>
            <input type="hidden" name="through" value={newestNotice} />
            <button type="submit" className="button button--quiet">{t.noticesMarkRead}</button>
          </form>
        ) : null}
      </section>
      <section aria-labelledby="tasks-title">
        <h2 id="tasks-title">{t.tasksTitle}</h2>
        <div className="cards" data-testid="task-menu">
          {tasks.map((task) => (
            <a key={task.href} className="tile" href={task.href}><strong>{task.title}</strong>{task.lead}</a>
          ))}
        </div>
      </section>
    </>
  );
}
