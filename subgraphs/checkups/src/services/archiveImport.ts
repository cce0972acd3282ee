import path from 'node:path';
import type { Readable } from 'node:stream';
import { XMLValidator } from 'fast-xml-parser';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { bilingual, type Db } from '@onshi/kit';
import type { Tables } from '../db/tables';
import { MAX_CDA_BYTES, checkupFromCda, describeRefusal, isCdaRefusal } from './cdaImport';
import type { StoredCheckup } from './checkupView';
import { storeCheckups } from '../store/checkups';

/**
 * The exchange archive of checkup files (docs/api-guide.md "Checkup exchange archives"): a ZIP with one 特定健診情報
 * ファイル (HL7 CDA) per person and examination, plus the index (交換用基本情報, `ix…`) and summary (集計情報, `cc…`)
 * files when present. Read entry by entry from a file on disk (yauzl reads the central directory, then one entry at a
 * time), so memory stays bounded by one entry and one storage group whatever the archive's size.
 *
 * Two passes: the directory first, refusing the whole archive for a path trick or a decompression bomb before a single
 * file is read (docs/operations.md "Checkup archives": limits); then each file on its own, all or nothing, through the
 * same checks as the `importCheckupCda` mutation (cdaImport.ts), the batch going on past a refused file.
 */

export interface ArchiveLimits {
  /** Entries in the central directory (files, index/summary files and folders). */
  maxEntries: number;
  /** Uncompressed bytes of one entry: one person's file is a few kB; the mutation's limit applies too. */
  maxEntryBytes: number;
  /** Uncompressed bytes of all entries together. */
  maxTotalBytes: number;
  /** Uncompressed / compressed size of an entry, checked from `ratioFloorBytes` up (tiny files compress oddly). */
  maxRatio: number;
  ratioFloorBytes: number;
}

export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = {
  maxEntries: 20_000,
  maxEntryBytes: MAX_CDA_BYTES,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxRatio: 100,
  ratioFloorBytes: 64 * 1024,
};

export type ArchiveRefusalReason = 'NOT_A_ZIP' | 'PATH_TRICK' | 'TOO_MANY_ENTRIES' | 'ENTRY_TOO_LARGE' | 'TOTAL_TOO_LARGE' | 'COMPRESSION_RATIO' | 'ENCRYPTED' | 'EMPTY';

/** The archive as a whole is refused: nothing of it was read or stored. */
export class ArchiveRefusal extends Error {
  override readonly name = 'ArchiveRefusal';
  constructor(readonly reason: ArchiveRefusalReason, message: string, readonly entry?: string) {
    super(message);
  }
}

export type FileOutcome = 'STORED' | 'REFUSED' | 'INDEX';

/** One line of the report. */
export interface ArchiveFileReport {
  seq: number;
  name: string;
  outcome: FileOutcome;
  reason: string | null;
  item: string | null;
  line: number | null;
  message: string | null;
  patientId: string | null;
  fiscalYear: number | null;
}

export interface ArchiveSummary {
  files: number;
  stored: number;
  refused: number;
  index: number;
}

export interface ArchiveImportOptions {
  db: Db<Tables>;
  zipPath: string;
  insurerNumber: string;
  today: string;
  limits?: ArchiveLimits;
  /** Called with the report lines of each stored group, after its transaction committed (and for refusals). */
  onReports(reports: ArchiveFileReport[]): Promise<void>;
}

/** Files stored per transaction: each file is whole or absent either way; groups keep 10,000 files from 10,000 commits. */
const FILES_PER_TRANSACTION = 100;

function openZip(zipPath: string): Promise<ZipFile> {
  // strictFileNames: a backslash is refused rather than silently turned into a folder separator.
  return yauzl.openPromise(zipPath, { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, autoClose: true });
}

/** The entries one at a time (lazyEntries), ending at the directory's end; a broken directory entry throws. */
async function* entriesOf(zip: ZipFile): AsyncGenerator<Entry> {
  try {
    while (true) {
      const next = await new Promise<Entry | null>((resolve, reject) => {
        const cleanup = () => {
          zip.off('entry', onEntry);
          zip.off('end', onEnd);
          zip.off('error', onError);
        };
        const onEntry = (entry: Entry) => { cleanup(); resolve(entry); };
        const onEnd = () => { cleanup(); resolve(null); };
        const onError = (error: Error) => { cleanup(); reject(error); };
        zip.on('entry', onEntry);
        zip.on('end', onEnd);
        zip.on('error', onError);
        zip.readEntry();
      });
      if (next === null) return;
      yield next;
    }
  } finally {
    zip.close();
  }
}

const isFolder = (entry: Entry): boolean => entry.fileName.endsWith('/');

/** Pass 1: the whole directory against the limits and for path tricks; throws ArchiveRefusal. */
export async function checkArchiveDirectory(zipPath: string, limits: ArchiveLimits = DEFAULT_ARCHIVE_LIMITS): Promise<{ entries: number }> {
  let zip: ZipFile;
  try {
    zip = await openZip(zipPath);
  } catch (error) {
    throw new ArchiveRefusal('NOT_A_ZIP', bilingual(`Not a readable ZIP archive (${error instanceof Error ? error.message : String(error)})`, 'ZIP として読めません'));
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ArchiveRefusal('TOO_MANY_ENTRIES', bilingual(`The archive has ${zip.entryCount} entries; at most ${limits.maxEntries} are accepted`, `ファイル数が上限 ${limits.maxEntries} を超えています`));
  }
  let total = 0;
  let files = 0;
  try {
    for await (const entry of entriesOf(zip)) {
      const name = entry.fileName;
      if (isFolder(entry)) continue;
      files += 1;
      if (entry.isEncrypted()) throw new ArchiveRefusal('ENCRYPTED', bilingual(`Encrypted entry ${name}`, '暗号化されたファイルは読めません'), name);
      if (entry.uncompressedSize > limits.maxEntryBytes) {
        throw new ArchiveRefusal('ENTRY_TOO_LARGE', bilingual(`${name} unpacks to ${entry.uncompressedSize} bytes; at most ${limits.maxEntryBytes} per file`, '1 ファイルの展開後サイズが上限を超えています'), name);
      }
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) {
        throw new ArchiveRefusal('TOTAL_TOO_LARGE', bilingual(`The archive unpacks to more than ${limits.maxTotalBytes} bytes`, '展開後の合計サイズが上限を超えています'), name);
      }
      if (entry.uncompressedSize >= limits.ratioFloorBytes && entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)) {
        throw new ArchiveRefusal('COMPRESSION_RATIO', bilingual(`${name} is compressed more than ${limits.maxRatio}:1, as a decompression bomb is`, `圧縮率が異常です（${limits.maxRatio}:1 超）`), name);
      }
    }
  } catch (error) {
    if (error instanceof ArchiveRefusal) throw error;
    const message = error instanceof Error ? error.message : String(error);
    // yauzl's own name checks (strictFileNames): absolute paths, "..", backslashes.
    if (/absolute path|invalid relative path|invalid characters in fileName/.test(message)) {
      throw new ArchiveRefusal('PATH_TRICK', bilingual(`An entry name escapes the archive (${message})`, '不正なパスを含むファイル名があります'));
    }
    throw new ArchiveRefusal('NOT_A_ZIP', bilingual(`The ZIP directory is broken (${message})`, 'ZIP の構造が壊れています'));
  }
  if (files === 0) throw new ArchiveRefusal('EMPTY', bilingual('The archive holds no files', 'ファイルが含まれていません'));
  return { entries: files };
}

type EntryKind = 'INDEX' | 'CHECKUP';

/** 交換用基本情報 (ix…) and 集計情報 (cc…) files by their standard prefixes; index.xml / summary.xml as some vendors name them. */
function kindOf(name: string): EntryKind {
  const base = path.posix.basename(name).toLowerCase();
  return /^(ix|cc)\w*\.xml$/.test(base) || base === 'index.xml' || base === 'summary.xml' ? 'INDEX' : 'CHECKUP';
}

async function readEntry(zip: ZipFile, entry: Entry, maxBytes: number): Promise<Buffer> {
  const stream: Readable = await zip.openReadStreamPromise(entry);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    // yauzl stops at the declared size; this bounds an entry whose declared size lies upwards too.
    if (size > maxBytes) {
      stream.destroy();
      throw new Error(`more than ${maxBytes} bytes`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function refusedLine(seq: number, name: string, reason: string, message: string, detail: Readonly<Record<string, string | number>> = {}): ArchiveFileReport {
  const item = detail.item;
  const line = detail.line;
  return {
    seq, name, outcome: 'REFUSED', reason, message,
    item: typeof item === 'string' ? item : null, line: typeof line === 'number' ? line : null, patientId: null, fiscalYear: null,
  };
}

/** Pass 2: every file on its own; returns the counts. The directory must have passed checkArchiveDirectory. */
export async function importArchive(options: ArchiveImportOptions): Promise<ArchiveSummary> {
  const limits = options.limits ?? DEFAULT_ARCHIVE_LIMITS;
  const summary: ArchiveSummary = { files: 0, stored: 0, refused: 0, index: 0 };
  /** One checkup per person and fiscal year in one archive: a second one is refused, not silently replacing the first. */
  const seen = new Set<string>();
  let group: Array<{ report: ArchiveFileReport; stored: StoredCheckup }> = [];
  let pendingRefusals: ArchiveFileReport[] = [];

  const flush = async () => {
    if (group.length > 0) await storeCheckups(options.db, group.map((entry) => entry.stored));
    const reports = [...pendingRefusals, ...group.map((entry) => entry.report)].sort((a, b) => a.seq - b.seq);
    group = [];
    pendingRefusals = [];
    if (reports.length > 0) await options.onReports(reports);
  };
  const refuse = (report: ArchiveFileReport) => {
    summary.refused += 1;
    pendingRefusals.push(report);
  };

  const zip = await openZip(options.zipPath);
  for await (const entry of entriesOf(zip)) {
    if (isFolder(entry)) continue;
    summary.files += 1;
    const seq = summary.files;
    const name = entry.fileName;
    let text: string;
    try {
      text = utf8.decode(await readEntry(zip, entry, limits.maxEntryBytes));
    } catch (error) {
      const why = error instanceof TypeError ? 'not UTF-8 text' : error instanceof Error ? error.message : String(error);
      refuse(refusedLine(seq, name, 'UNREADABLE_ENTRY', bilingual(`The entry could not be read (${why})`, 'ファイルを読み取れません')));
      continue;
    }
    if (!name.toLowerCase().endsWith('.xml')) {
      refuse(refusedLine(seq, name, 'NOT_A_CHECKUP_FILE', bilingual('Only XML files (CDA, index, summary) belong in the archive', 'XML ファイル以外は受け付けません')));
    } else if (kindOf(name) === 'INDEX') {
      // Read, never stored: the same refusal of a DOCTYPE (entity expansion) as for the CDA files (cda.ts).
      if (/<!DOCTYPE/i.test(text)) refuse(refusedLine(seq, name, 'MALFORMED_XML', bilingual('XML with a DOCTYPE is not accepted', 'DOCTYPE を含む XML は受け付けられません')));
      else if (XMLValidator.validate(text) !== true) refuse(refusedLine(seq, name, 'MALFORMED_XML', bilingual('The index or summary file is not well-formed XML', 'XML の形式が不正です')));
      else {
        summary.index += 1;
        pendingRefusals.push({ seq, name, outcome: 'INDEX', reason: null, item: null, line: null, message: null, patientId: null, fiscalYear: null });
      }
    } else {
      try {
        const stored = await checkupFromCda(options.db, text, options.insurerNumber, options.today);
        const key = `${stored.checkup.patientId}\u0000${stored.checkup.fiscalYear}`;
        if (seen.has(key)) {
          refuse(refusedLine(seq, name, 'DUPLICATE_CHECKUP', bilingual(`A second checkup of the same person in FY${stored.checkup.fiscalYear} in this archive`, '同じ受診者・同じ年度の健診が 2 件あります')));
        } else {
          seen.add(key);
          summary.stored += 1;
          group.push({
            stored,
            report: { seq, name, outcome: 'STORED', reason: null, item: null, line: null, message: null, patientId: stored.checkup.patientId, fiscalYear: stored.checkup.fiscalYear },
          });
        }
      } catch (error) {
        if (!isCdaRefusal(error)) throw error;
        const { reason, message, detail } = describeRefusal(error);
        refuse(refusedLine(seq, name, reason, message, detail));
      }
    }
    if (group.length >= FILES_PER_TRANSACTION || pendingRefusals.length >= FILES_PER_TRANSACTION) await flush();
  }
  await flush();
  return summary;
}
