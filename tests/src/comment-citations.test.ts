/**
 * Comments cite documents a reader can open (docs/architecture.md "Conventions"): docs/domain.md for the rules of the
 * real system, docs/architecture.md, docs/contracts.md for the internal contracts, the other docs pages and the ADRs in
 * docs/decisions. This test reads every comment of the source (TypeScript, TSX, .mjs through the TypeScript parser, so
 * a `//` inside a string or a template is not a comment; SQL `--` lines) of every package, present or to come, and
 * refuses:
 * - the design notes the project started from (the domain, architecture and performance notes outside the
 *   repository, by their file names);
 * - an issue number: the tracker is not the documentation, and the number says nothing;
 * - "contract N" without "docs/contracts.md" before it;
 * - a docs page that does not exist, or a quoted section (`docs/domain.md "Consent (同意) — the core rule"`) that is not
 *   part of a heading of that page, so a renamed heading cannot leave citations pointing nowhere.
 * It first proves the checker bites on samples of each, and lets strings (test names, messages) alone.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SOURCE_FILE = /\.(ts|tsx|mjs|sql)$/;

interface Comment { line: number; endLine: number; text: string }
interface Finding { file: string; line: number; problem: string; comment: string }

/** The comments of one file with the line each starts on; `*` and `//` margins joined into one line of text. */
function commentsOf(file: string, source: string): Comment[] {
  const lineOf = (position: number) => source.slice(0, position).split('\n').length;
  const tidy = (raw: string) => raw.replace(/^\/\*+|\*\/$/g, '').split('\n').map((line) => line.replace(/^\s*(\/\/+|\*+|--)\s?/, '')).join(' ');
  if (file.endsWith('.sql')) {
    const comments: Comment[] = [];
    source.split('\n').forEach((line, index) => {
      const at = line.indexOf('--');
      if (at >= 0) comments.push({ line: index + 1, endLine: index + 1, text: line.slice(at + 2) });
    });
    return joinRuns(comments);
  }
  const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : file.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const seen = new Set<number>();
  const comments: Comment[] = [];
  const collect = (ranges: ts.CommentRange[] | undefined) => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      comments.push({ line: lineOf(range.pos), endLine: lineOf(range.end), text: tidy(source.slice(range.pos, range.end)) });
    }
  };
  // Every token's leading and trailing trivia, tokens included (getChildren), so a JSX `{/* … */}` is found too.
  const visit = (node: ts.Node) => {
    if (node.kind !== ts.SyntaxKind.JsxText) {
      collect(ts.getLeadingCommentRanges(source, node.pos));
      collect(ts.getTrailingCommentRanges(source, node.end));
    }
    for (const child of node.getChildren(sourceFile)) visit(child);
  };
  visit(sourceFile);
  comments.sort((a, b) => a.line - b.line);
  return joinRuns(comments);
}

/** Consecutive `//` (or `--`) lines are one comment, so a citation broken over two lines is still read whole. */
function joinRuns(comments: Comment[]): Comment[] {
  const joined: Comment[] = [];
  for (const comment of comments) {
    const last = joined[joined.length - 1];
    if (last && last.endLine + 1 === comment.line) Object.assign(last, { endLine: comment.endLine, text: `${last.text} ${comment.text}` });
    else joined.push({ ...comment });
  }
  return joined.map((comment) => ({ ...comment, text: comment.text.replace(/\s+/g, ' ') }));
}

const headingsCache = new Map<string, string[] | null>();
/** The headings of a docs page (null when the page does not exist). */
function headingsOf(page: string): string[] | null {
  if (!headingsCache.has(page)) {
    const file = path.join(ROOT, page);
    headingsCache.set(page, existsSync(file)
      ? readFileSync(file, 'utf8').split('\n').filter((line) => /^#{1,6} /.test(line)).map((line) => line.replace(/^#+ /, '').trim())
      : null);
  }
  return headingsCache.get(page) ?? null;
}

/** What is wrong with the citations of one comment. */
export function citationProblems(text: string): string[] {
  const problems: string[] = [];
  const outside = text.match(/\b(DOMAIN|ARCHITECTURE|PERFORMANCE)(\.md)?\b/);
  if (outside) problems.push(`cites ${outside[0]}, which is not in the repository: cite docs/ (docs/domain.md, docs/architecture.md, …)`);
  const issue = text.match(/\bissues? #?\d+/i);
  if (issue) problems.push(`cites "${issue[0]}": say what the feature is and cite the docs section that explains it`);
  const contract = text.match(/(?<!docs\/contracts\.md )\bcontracts? \d+/i);
  if (contract) problems.push(`cites "${contract[0]}" without docs/contracts.md: write "docs/contracts.md ${contract[0].toLowerCase()}"`);
  for (const [, file, section] of text.matchAll(/\bdocs\/([\w./-]+\.md)(?: "([^"]+)")?/g)) {
    const page = `docs/${file}`;
    const headings = headingsOf(page);
    if (!headings) problems.push(`cites ${page}, which does not exist`);
    else if (section !== undefined && !headings.some((heading) => heading.includes(section))) problems.push(`cites ${page} "${section}", which is not a heading of that page`);
  }
  return problems;
}

function findings(file: string, source: string): Finding[] {
  return commentsOf(file, source).flatMap((comment) => citationProblems(comment.text).map((problem) => ({ file, line: comment.line, problem, comment: comment.text.slice(0, 160) })));
}

describe('comments cite documents a reader can open', () => {
  test('the checker refuses each kind of bad citation, in every comment form, and leaves strings alone', () => {
    const bad = [
      '// The PIN check (DOMAIN.md "Consent").\nexport const a = 1;\n',
      '/**\n * Record level (ARCHITECTURE.md layer 3).\n */\nexport const a = 1;\n',
      'export const a = 1; // fixed for issue 15, item 9\n',
      '/** Flags (contract 5). */\nexport const a = 1;\n',
      '/** Flags (see docs/contracts.md; contract 5). */\nexport const a = 1;\n',
      '// Built from claims (docs/domain.md "Drug\n// info that no heading has").\nexport const a = 1;\n',
      '/** A page (docs/nowhere.md). */\nexport const a = 1;\n',
      '/** The coverage on a date (ARCHITECTURE: "who insured this person on date D"). */\nexport const a = 1;\n',
    ];
    for (const source of bad) expect({ source, refused: findings('probe.ts', source).length > 0 }).toEqual({ source, refused: true });
    const jsx = 'export const A = () => <div>{/* kiosk (issue 15) */}<p>http://example// not a comment</p></div>;\n';
    expect(findings('probe.tsx', jsx).map((finding) => finding.line)).toEqual([1]);
    expect(findings('probe.sql', 'CREATE TABLE t (a int);\n-- Issue 19 (onboarding): registered, not seeded\n').map((finding) => finding.line)).toEqual([2]);

    const good = [
      '// 24 h from the reader (docs/domain.md "Consent (同意) — the core rule"; docs/contracts.md contract 5).\nexport const a = 1;\n',
      '/**\n * Record level (docs/architecture.md "Who may see what: three\n * layers", layer 3).\n */\nexport const a = 1;\n',
      // A heading cited in part, broken over two comment lines, and strings that only look like citations.
      '// The lag (docs/domain.md "Drug\n// information (薬剤情報) and medical expenses").\nexport const url = `http://x/${1}// issue 15`;\n',
      "it('contract 4 and issue 10 in a test name are strings, not comments', () => undefined);\n",
    ];
    for (const source of good) expect({ source, findings: findings('probe.ts', source) }).toEqual({ source, findings: [] });
  });

  test('no comment in the source cites a document outside the repository, an issue, a bare contract or a missing section', () => {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const files = listed.split('\n').filter((file) => SOURCE_FILE.test(file) && !file.includes('node_modules/') && existsSync(path.join(ROOT, file)));
    expect(files.length).toBeGreaterThan(300);
    const found = files.flatMap((file) => findings(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
