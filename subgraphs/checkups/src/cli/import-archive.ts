/**
 * Uploads a checkup exchange archive (a ZIP of 特定健診情報ファイル with its index and summary files) to the gateway's
 * upload route, streaming it from disk, as the insurer whose token is given:
 *
 *   ONSHI_TOKEN=<insurer access token> npx tsx --tsconfig tsconfig.base.json subgraphs/checkups/src/cli/import-archive.ts <archive.zip> [report.csv]
 *
 * The route applies the same access rule and the same per-file checks as the `importCheckupCda` mutation
 * (docs/api-guide.md "Checkup exchange archives"). Each refused file is printed with its reason and line; with a
 * second argument the full per-file report is downloaded as CSV. ONSHI_GATEWAY_URL defaults to the local gateway.
 * Exit codes: 0 every file stored, 1 some file or the whole archive refused, 2 usage or connection problem.
 */
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';

export const ARCHIVE_ROUTE = '/uploads/checkup-archive';

export interface ArchiveLine {
  type: 'start' | 'file' | 'summary';
  [key: string]: unknown;
}

export interface ArchiveUploadResult {
  status: number;
  /** The JSON error of a refused upload (401, 403, 413, 422). */
  error?: { message: string; extensions?: Record<string, unknown> };
  summary?: ArchiveLine;
}

function send(url: URL, options: { method: string; headers: Record<string, string | number> }): { request: ReturnType<typeof httpRequest>; response: Promise<IncomingMessage> } {
  const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options);
  const response = new Promise<IncomingMessage>((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
  return { request, response };
}

/** Streams `file` to the route and hands each report line to `onLine` as the server decides it. */
export async function uploadArchive(gatewayUrl: string, token: string, file: string, onLine: (line: ArchiveLine) => void = () => undefined): Promise<ArchiveUploadResult> {
  const { request, response } = send(new URL(ARCHIVE_ROUTE, gatewayUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/zip', 'content-length': statSync(file).size, 'authorization': `Bearer ${token}` },
  });
  // A refusal may come before the body is sent; then the rest of the body does not matter.
  const sent = pipeline(createReadStream(file), request).catch(() => undefined);
  const reply = await response;
  const status = reply.statusCode ?? 0;
  if (!(reply.headers['content-type'] ?? '').includes('ndjson')) {
    let text = '';
    for await (const chunk of reply) text += String(chunk);
    await sent;
    const parsed = JSON.parse(text) as { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
    return { status, error: parsed.errors?.[0] ?? { message: text } };
  }
  let summary: ArchiveLine | undefined;
  for await (const text of createInterface({ input: reply, crlfDelay: Infinity })) {
    if (text.trim() === '') continue;
    const line = JSON.parse(text) as ArchiveLine;
    if (line.type === 'summary') summary = line;
    onLine(line);
  }
  await sent;
  return { status, summary };
}

/** Downloads the per-file report (CSV) of an import to `target`. */
export async function downloadReport(gatewayUrl: string, token: string, reportPath: string, target: string): Promise<number> {
  const { request, response } = send(new URL(reportPath, gatewayUrl), { method: 'GET', headers: { authorization: `Bearer ${token}` } });
  request.end();
  const reply = await response;
  if (reply.statusCode !== 200) {
    reply.resume();
    return reply.statusCode ?? 0;
  }
  await pipeline(reply, createWriteStream(target));
  return 200;
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  const [file, reportFile] = process.argv.slice(2);
  if (file === undefined) fail('usage: import-archive.ts <archive.zip> [report.csv]   (env ONSHI_TOKEN, optional ONSHI_GATEWAY_URL)', 2);
  const token = process.env.ONSHI_TOKEN;
  if (token === undefined || token === '') fail('ONSHI_TOKEN is required: an INSURER access token (staffLogin)', 2);
  const gatewayUrl = process.env.ONSHI_GATEWAY_URL ?? 'http://127.0.0.1:4000';
  let result: ArchiveUploadResult;
  try {
    result = await uploadArchive(gatewayUrl, token, file, (line) => {
      if (line.type === 'file' && line.outcome === 'REFUSED') {
        const where = [line.item, line.line === null ? undefined : `line ${String(line.line)}`].filter((part) => part !== null && part !== undefined).join(', ');
        process.stdout.write(`refused ${String(line.name)} (${String(line.reason)}${where === '' ? '' : `; ${where}`}): ${String(line.message)}\n`);
      }
    });
  } catch (error) {
    fail(`cannot upload ${file} to ${gatewayUrl}: ${error instanceof Error ? error.message : String(error)}`, 2);
  }
  if (result.error !== undefined) {
    const reason = result.error.extensions?.reason ?? result.error.extensions?.code ?? result.status;
    fail(`archive refused (${String(reason)}): ${result.error.message}\nnothing was stored`, result.status === 422 || result.status === 413 ? 1 : 2);
  }
  const summary = result.summary;
  if (summary === undefined) fail('the connection ended before the summary; files reported before were handled', 2);
  process.stdout.write(`${String(summary.status)}: ${String(summary.files)} files, ${String(summary.stored)} stored, ${String(summary.refused)} refused, ${String(summary.index)} index/summary (import ${String(summary.importId)})\n`);
  if (reportFile !== undefined) {
    const status = await downloadReport(gatewayUrl, token, String(summary.report), reportFile);
    if (status !== 200) fail(`the report could not be downloaded (HTTP ${status})`, 2);
    process.stdout.write(`report written to ${reportFile}\n`);
  }
  process.exit(summary.status === 'DONE' && summary.refused === 0 ? 0 : 1);
}

if (require.main === module) void main();
