// "Now" for this subgraph. Retention (5 years), active drugs and "not in the future" checks are all
// Japanese calendar questions (DOMAIN.md "Drug information"); a configured demo date pins them.

/** Noon in Japan on a YYYY-MM-DD date: an instant whose Japanese calendar date is that date. */
export function instantOfJapanDate(date: string): Date {
  return new Date(`${date}T12:00:00+09:00`);
}

/** A fixed clock when DEMO_AS_OF is set (reproducible demos and tests), else the real time. */
export function createClock(fixedDate: string | undefined): () => Date {
  if (fixedDate !== undefined) {
    const fixed = instantOfJapanDate(fixedDate);
    return () => new Date(fixed.getTime());
  }
  return () => new Date();
}
