import type { Messages } from '@/lib/messages';

/**
 * Previous / page n of m / next under a list shown a page at a time (the access log, the operator's facility list):
 * links, so a page can be bookmarked and works without JavaScript; nothing when the list fits one page.
 */
export function Pager({ t, page, pages, href, testId }: { t: Messages; page: number; pages: number; href: (page: number) => string; testId: string }) {
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t.pagination} data-testid={testId}>
      {page > 1 ? <a className="button button--quiet" href={href(page - 1)} rel="prev">{t.pagePrev}</a> : null}
      <span aria-current="page">{t.pageOf(page, pages)}</span>
      {page < pages ? <a className="button button--quiet" href={href(page + 1)} rel="next">{t.pageNext}</a> : null}
    </nav>
  );
}
