import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '@onshi/kit';
import { archiveImportFiles, archiveImports, type Tables } from '../db/tables';
import type { ArchiveFileReport } from '../services/archiveImport';

export type ArchiveImportRow = typeof archiveImports.$inferSelect;
export type ArchiveImportFileRow = typeof archiveImportFiles.$inferSelect;

/** The run of one uploaded archive (docs/api-guide.md "Checkup exchange archives"), written before its files are read. */
export async function insertArchiveImport(db: Db<Tables>, values: typeof archiveImports.$inferInsert): Promise<void> {
  await db.insert(archiveImports).values(values);
}

/** The run's outcome: its status and, when it ends, its counts or its reason. */
export async function updateArchiveImport(db: Db<Tables>, importId: string, set: Partial<typeof archiveImports.$inferInsert>): Promise<void> {
  await db.update(archiveImports).set(set).where(eq(archiveImports.id, importId));
}

/** One batch of the run's per-file reports, as they are decided. */
export async function insertArchiveReports(db: Db<Tables>, importId: string, reports: readonly ArchiveFileReport[]): Promise<void> {
  await db.insert(archiveImportFiles).values(reports.map((report): typeof archiveImportFiles.$inferInsert => ({ importId, ...report })));
}

export async function archiveImportById(db: Db<Tables>, id: string): Promise<ArchiveImportRow | undefined> {
  const [run] = await db.select().from(archiveImports).where(eq(archiveImports.id, id));
  return run;
}

/** The run's file reports after `after` (a seq), in order, a page at a time. */
export async function archiveReportPage(db: Db<Tables>, importId: string, after: number, limit: number): Promise<ArchiveImportFileRow[]> {
  return db.select().from(archiveImportFiles)
    .where(and(eq(archiveImportFiles.importId, importId), gt(archiveImportFiles.seq, after)))
    .orderBy(asc(archiveImportFiles.seq)).limit(limit);
}
