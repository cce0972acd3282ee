import { japanDay } from './format';
import type { AccessLogCategory } from './graphql/generated/graphql';
import { readerKey, type ReaderFields } from './readers';

export interface LogEntry extends ReaderFields { at: string; category: AccessLogCategory; decision: string; reason: string; special: boolean; requestId: string }

/** Reads by one reader of one category on one (Japan) day with the same outcome: one row of 提供状況. */
export interface LogGroup<E extends LogEntry = LogEntry> { key: string; newest: E; oldestAt: string; count: number }

/**
 * Groups a newest-first log (portal/README.md "提供状況"): the same reader (facility, insurer, app, operator), the same
 * category, the same day, the same decision and reason become one row with a count; the newest read stands for it.
 */
export function groupLog<E extends LogEntry>(entries: readonly E[]): Array<LogGroup<E>> {
  const groups = new Map<string, LogGroup<E>>();
  for (const entry of entries) {
    const key = [japanDay(entry.at), readerKey(entry), entry.category, entry.decision, entry.reason, entry.special].join('|');
    const group = groups.get(key);
    if (group) {
      group.count += 1;
      if (entry.at < group.oldestAt) group.oldestAt = entry.at;
    } else {
      groups.set(key, { key, newest: entry, oldestAt: entry.at, count: 1 });
    }
  }
  return [...groups.values()];
}

/** One page of rows (1-based; out-of-range pages clamp to the nearest page). */
export function pageOf<T>(rows: readonly T[], requested: number, size: number): { rows: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(pages, Math.max(1, Number.isInteger(requested) ? requested : 1));
  return { rows: rows.slice((page - 1) * size, page * size), page, pages };
}
