/**
 * One convention for messages in both languages (docs/architecture.md "Subgraph template"): English, then Japanese,
 * one string, ` / ` between, built by the platform's `bilingual(en, ja)` (errorCatalogue.ts) and never written by
 * hand. This test reads every string and template literal of the production source (platform, gateway, kit,
 * subgraphs, demo, system; tests excluded) through the TypeScript parser and refuses one that carries Latin text and
 * Japanese text on the two sides of a ` / ` — a message written by hand, in either order — unless it is an argument
 * of `bilingual`. An English message that names a Japanese term ("not a valid 医療機関コード") has no ` / ` between
 * the languages and is left alone, as are GraphQL descriptions (`description:`, which list codes such as
 * "1 男 / 2 女") and the operator GraphiQL page (gateway/src/graphiql.ts: an HTML page whose labels are
 * Japanese first, like the portal's, not a thrown message).
 * It first proves the checker bites on samples of each form.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const PRODUCTION_SOURCE = /^(platform|gateway|subgraphs|demo|system)\/.*\.tsx?$/;
const NOT_MESSAGES = new Set(['gateway/src/graphiql.ts']);
/**
 * Folders whose files another change was moving when the helper came (consent's resolvers, whose SQL moves to its
 * services): converted once it lands. Empty when every package follows the convention.
 */
const PENDING: string[] = [];

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/;
const LATIN_WORD = /[A-Za-z]{2,}/;

interface Finding { file: string; line: number; literal: string }

/** The literal's text with each `${…}` left out, so an interpolated expression is not read as words. */
function textOf(node: ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateExpression): string {
  if (!ts.isTemplateExpression(node)) return node.text;
  return node.head.text + node.templateSpans.map((span) => ` ${span.literal.text}`).join('');
}

/** Latin text on one side of a ` / ` and Japanese on the other: the hand-written form of a bilingual message. */
export function isHandWrittenBilingual(text: string): boolean {
  const parts = text.split(' / ');
  for (let at = 1; at < parts.length; at++) {
    const before = parts.slice(0, at).join(' / ');
    const after = parts.slice(at).join(' / ');
    const latinThenJapanese = LATIN_WORD.test(before) && JAPANESE.test(after);
    const japaneseThenLatin = JAPANESE.test(before) && LATIN_WORD.test(after);
    if (latinThenJapanese || japaneseThenLatin) return true;
  }
  return false;
}

function isDescription(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isPropertyAssignment(parent) && parent.name.getText() === 'description';
}

function isBilingualArgument(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isCallExpression(parent) && parent.expression.getText() === 'bilingual' && parent.arguments.includes(node as ts.Expression);
}

export function findings(file: string, source: string): Finding[] {
  const sourceFile = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const found: Finding[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateExpression(node))
      && !ts.isImportDeclaration(node.parent) && !isDescription(node) && !isBilingualArgument(node) && isHandWrittenBilingual(textOf(node))) {
      found.push({ file, line: sourceFile.getLineAndCharacterOfPosition(node.getStart()).line + 1, literal: node.getText().slice(0, 120) });
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

describe('messages in both languages are built by bilingual(en, ja)', () => {
  const handWritten = [
    "throw new BadUserInputError('The insurer number must be 8 digits / 保険者番号は8桁です');\n",
    "throw new NotFoundError('この保険者番号の保険者は登録されていません / No insurer has this insurer number');\n",
    'throw new BadUserInputError(`${name} must be a date YYYY-MM-DD / ${name} は YYYY-MM-DD 形式の日付で指定してください`);\n',
    'throw new BadUserInputError(`${field}に未来の日付は指定できません / ${field} cannot be in the future`);\n',
    "const REFUSED = 'The session has ended; please log in again / セッションが終了しました';\n",
    "const MESSAGES = { LOST: 'このカードは利用停止中です / This card is suspended' };\n",
    "return refuse('Only the operator may do this / この操作は運用者のみ行えます');\n",
  ];
  test.each(handWritten)('the checker refuses a hand-written message: %s', (source) => {
    expect(findings('probe.ts', source)).toHaveLength(1);
  });

  const notHandWritten = [
    "throw new BadUserInputError(bilingual('The insurer number must be 8 digits', '保険者番号は8桁です'));\n",
    'throw new BadUserInputError(bilingual(`${name} must be a date YYYY-MM-DD`, `${name} は YYYY-MM-DD 形式の日付で指定してください`));\n',
    "throw new BadUserInputError('facilityCode is not a valid 医療機関コード (10 digits with check digit)');\n",
    "throw new CdaParseError('DOCTYPE を含む XML は受け付けられません');\n",
    "@Field({ description: '性別 (Sex1): 1 男 / 2 女' }) sex!: number;\n",
    "const path = 'a / b';\n",
  ];
  test.each(notHandWritten)('the checker lets alone: %s', (source) => {
    expect(findings('probe.ts', source)).toEqual([]);
  });

  test('no production literal writes a bilingual message by hand', () => {
    const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const files = listed.split('\n').filter((file) => PRODUCTION_SOURCE.test(file) && !file.endsWith('.test.ts') && !file.includes('node_modules/')
      && !NOT_MESSAGES.has(file) && !PENDING.some((folder) => file.startsWith(folder)) && existsSync(path.join(ROOT, file)));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => findings(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
