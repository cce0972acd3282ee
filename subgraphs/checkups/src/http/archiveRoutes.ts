import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { bilingual, OnshiError, sendJson, type Actor, type RequestAuthenticator, type StreamRouteHandler, type SubgraphDeps } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { ArchiveRefusal, checkArchiveDirectory, importArchive } from '../services/archiveImport';
import { importingInsurer } from '../services/importAccess';
import { archiveImportById, archiveReportPage, insertArchiveImport, insertArchiveReports, updateArchiveImport } from '../store/archiveImports';

/**
 * The upload route of checkup exchange archives and the download of their reports (docs/api-guide.md "Checkup
 * exchange archives"). The gateway streams both through unchanged (its GraphQL body limit stays as it is); here the
 * caller is authenticated exactly as a GraphQL request is and admitted by the import mutations' one rule
 * (importAccess.ts), before a byte of the body is read.
 */
export const CHECKUP_ARCHIVE_PATH = '/uploads/checkup-archive';
export const CHECKUP_ARCHIVE_REPORT_PATH = '/uploads/checkup-archive/report';
/** The compressed upload; a 10,000-file archive is about 10 MB (docs/benchmarks.md). */
export const MAX_ARCHIVE_UPLOAD_BYTES = 512 * 1024 * 1024;
/** What is read and thrown away of a refused caller's body before the connection is closed. */
const DISCARD_LIMIT_BYTES = 1024 * 1024;
const REPORT_PAGE = 1000;

function sendError(res: ServerResponse, status: number, code: string, message: string, extensions: Record<string, unknown> = {}): void {
  sendJson(res, status, { errors: [{ message, extensions: { ...extensions, code } }] });
}

/** A refused caller's body is not read: a little is drained so the answer can be read, then the connection closes. */
function discardBody(req: IncomingMessage): void {
  let seen = 0;
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length;
    if (seen > DISCARD_LIMIT_BYTES) req.destroy();
  });
  req.on('error', () => undefined);
  req.resume();
}

type Admitted = { insurerNumber: string; actor: Actor } | null;

/** The import rule, or the refusal answered (401/403) and logged with the request id. */
async function admit(req: IncomingMessage, res: ServerResponse, requestId: string, authenticate: RequestAuthenticator, deps: SubgraphDeps<Tables>): Promise<Admitted> {
  let actor: Actor | null = null;
  try {
    actor = await authenticate(req);
    const insurerNumber = importingInsurer(actor);
    return { insurerNumber, actor: actor as Actor };
  } catch (error) {
    if (!(error instanceof OnshiError)) throw error;
    const code = String(error.extensions.code);
    deps.logger.warn({ requestId, path: req.url, role: actor?.role ?? null, subject: actor?.subject ?? null, code }, 'checkup archive access refused');
    res.setHeader('connection', 'close');
    res.setHeader('x-request-id', requestId);
    sendError(res, code === 'UNAUTHENTICATED' ? 401 : 403, code, error.message);
    discardBody(req);
    return null;
  }
}

/** The upload, counted as it is written to a private temporary file; false when it was larger than the limit. */
async function spool(req: IncomingMessage, file: string): Promise<boolean> {
  let size = 0;
  let tooLarge = false;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > MAX_ARCHIVE_UPLOAD_BYTES) {
        tooLarge = true;
        callback(new Error('upload too large'));
        return;
      }
      callback(null, chunk);
    },
  });
  try {
    await pipeline(req, counter, createWriteStream(file, { mode: 0o600 }));
    return true;
  } catch (error) {
    if (tooLarge) return false;
    throw error;
  }
}

async function writeLine(res: ServerResponse, value: unknown): Promise<void> {
  if (!res.write(`${JSON.stringify(value)}\n`)) await new Promise<void>((resolve) => res.once('drain', resolve));
}

export function archiveRoutes(deps: SubgraphDeps<Tables>, authenticate: RequestAuthenticator, today: () => string): Record<string, StreamRouteHandler> {
  const upload: StreamRouteHandler = async (req, res, requestId) => {
    const admitted = await admit(req, res, requestId, authenticate, deps);
    if (admitted === null) return;
    const { insurerNumber, actor } = admitted;
    const importId = randomUUID();
    const folder = await mkdtemp(path.join(os.tmpdir(), 'onshi-archive-'));
    const zipPath = path.join(folder, 'upload.zip');
    res.setHeader('x-request-id', requestId);
    try {
      if (!(await spool(req, zipPath))) {
        res.setHeader('connection', 'close');
        sendError(res, 413, 'PAYLOAD_TOO_LARGE', bilingual(`The archive is larger than ${MAX_ARCHIVE_UPLOAD_BYTES} bytes`, 'アーカイブが大きすぎます'));
        return;
      }
      await insertArchiveImport(deps.db, { id: importId, insurerNumber, uploadedBy: actor.subject, requestId, status: 'RUNNING' });
      try {
        await checkArchiveDirectory(zipPath);
      } catch (error) {
        if (!(error instanceof ArchiveRefusal)) throw error;
        await updateArchiveImport(deps.db, importId, { status: 'REFUSED', reason: error.reason, finishedAt: new Date() });
        deps.logger.warn({ requestId, importId, insurerNumber, reason: error.reason }, 'checkup archive refused');
        sendError(res, 422, 'BAD_USER_INPUT', error.message, { reason: error.reason, importId, ...(error.entry === undefined ? {} : { entry: error.entry }) });
        return;
      }
      // From here the answer is the report itself, one JSON line per file as it is decided, then the summary.
      res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'x-import-id': importId });
      await writeLine(res, { type: 'start', importId });
      try {
        const summary = await importArchive({
          db: deps.db, zipPath, insurerNumber, today: today(),
          onReports: async (reports) => {
            await insertArchiveReports(deps.db, importId, reports);
            for (const report of reports) await writeLine(res, { type: 'file', ...report });
          },
        });
        await updateArchiveImport(deps.db, importId, { status: 'DONE', finishedAt: new Date(), files: summary.files, stored: summary.stored, refused: summary.refused });
        deps.logger.info({ requestId, importId, insurerNumber, ...summary }, 'checkup archive imported');
        await writeLine(res, { type: 'summary', importId, status: 'DONE', ...summary, report: `${CHECKUP_ARCHIVE_REPORT_PATH}?id=${importId}` });
      } catch (error) {
        deps.logger.error({ err: error, requestId, importId }, 'checkup archive import failed');
        await updateArchiveImport(deps.db, importId, { status: 'FAILED', reason: 'INTERNAL', finishedAt: new Date() }).catch(() => undefined);
        await writeLine(res, { type: 'summary', importId, status: 'FAILED', message: bilingual('The import stopped; files reported STORED above are stored', '取込が中断しました') });
      }
      res.end();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  };

  const report: StreamRouteHandler = async (req, res, requestId) => {
    const admitted = await admit(req, res, requestId, authenticate, deps);
    if (admitted === null) return;
    const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id') ?? '';
    const run = /^[0-9a-f-]{36}$/.test(id) ? await archiveImportById(deps.db, id) : undefined;
    res.setHeader('x-request-id', requestId);
    // Another insurer's report reads as no report at all: its id reveals nothing.
    if (run === undefined || run.insurerNumber !== admitted.insurerNumber) {
      if (run !== undefined) deps.logger.warn({ requestId, importId: id, subject: admitted.actor.subject }, 'checkup archive access refused');
      sendError(res, 404, 'NOT_FOUND', bilingual('No such archive import', '該当する取込がありません'));
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="checkup-archive-${run.id}.csv"`,
      'x-archive-status': run.status, 'x-archive-files': String(run.files), 'x-archive-stored': String(run.stored), 'x-archive-refused': String(run.refused),
      ...(run.reason === null ? {} : { 'x-archive-reason': run.reason }),
    });
    const csv = (value: string | number | null): string => (value === null ? '' : /[",\n]/.test(String(value)) ? `"${String(value).replaceAll('"', '""')}"` : String(value));
    res.write('seq,name,outcome,reason,item,line,patient_id,fiscal_year,message\n');
    let after = 0;
    while (true) {
      const rows = await archiveReportPage(deps.db, run.id, after, REPORT_PAGE);
      for (const row of rows) {
        const line = [row.seq, row.name, row.outcome, row.reason, row.item, row.line, row.patientId, row.fiscalYear, row.message].map(csv).join(',');
        if (!res.write(`${line}\n`)) await new Promise<void>((resolve) => res.once('drain', resolve));
      }
      const last = rows[rows.length - 1];
      if (rows.length < REPORT_PAGE || last === undefined) break;
      after = last.seq;
    }
    res.end();
  };

  return { [`POST ${CHECKUP_ARCHIVE_PATH}`]: upload, [`GET ${CHECKUP_ARCHIVE_REPORT_PATH}`]: report };
}
