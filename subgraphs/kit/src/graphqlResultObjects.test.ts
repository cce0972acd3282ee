import { execFileSync } from 'node:child_process';
import { buildSchema, execute, parse } from 'graphql';

/**
 * patches/graphql@16.15.0.patch (docs/dependencies.md): graphql-js builds its execution results and each field's
 * coerced arguments with a constructor whose prototype is `Object.create(null)` instead of with `Object.create(null)`
 * itself, so that V8 keeps them in fast mode, and skips the argument coercion of a field that has no arguments. These
 * tests pin what must not change with that: an answer object inherits nothing, whatever the response names a client
 * chooses, on every path that builds one (parallel fields, serial mutation fields, fields that resolve later); a
 * resolver's arguments stay what upstream hands over (`{ ...coercedValues }`: a fresh plain object per field, defaults
 * and variables applied), also for a field without arguments.
 */
const schema = buildSchema(`
  type Query { item: Item! later: Item! echo(text: String = "既定", times: Int): String! bare: String! }
  type Mutation { touch: Item! }
  type Item { name: String! }
`);
const item = { name: '処方' };
const argumentsSeen: object[] = [];
const rootValue = {
  item,
  later: () => Promise.resolve(item),
  touch: () => item,
  echo: (args: { text: string; times?: number }) => {
    argumentsSeen.push(args);
    return `${args.text}×${args.times ?? 'none'}`;
  },
  bare: (args: object) => {
    argumentsSeen.push(args);
    return JSON.stringify(args);
  },
};

async function run(source: string): Promise<Record<string, unknown>> {
  const result = await execute({ schema, document: parse(source), rootValue });
  expect(result.errors).toBeUndefined();
  return result.data as Record<string, unknown>;
}

/** Nothing is inherited: no Object.prototype anywhere on the chain. */
function inheritsNothing(value: object): boolean {
  for (let prototype = Object.getPrototypeOf(value) as object | null; prototype !== null; prototype = Object.getPrototypeOf(prototype) as object | null) {
    if (Object.getOwnPropertyNames(prototype).length > 0 || Object.getOwnPropertySymbols(prototype).length > 0) return false;
  }
  return true;
}

describe('graphql-js execution results (patched to fast-mode objects)', () => {
  it("the patch is applied: the installed graphql builds its objects with the patch's constructor", () => {
    // pnpm refuses to install when a patch no longer applies; this catches a graphql that is resolved unpatched.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const patched = require('graphql/jsutils/nullPrototypeObject.js') as { newNullPrototypeObject: () => object };
    expect(inheritsNothing(patched.newNullPrototypeObject())).toBe(true);
  });

  it('what the patch is for: the answer objects are in V8 fast mode (Object.create(null) objects are not)', () => {
    // V8's own answer, from a child process allowed to ask it (%HasFastProperties needs --allow-natives-syntax).
    const script = `
      const { buildSchema, execute, parse } = require('graphql');
      const schema = buildSchema('type Query { item: Item! } type Item { name: String! code: String! }');
      const { data } = execute({ schema, document: parse('{ item { name code } }'), rootValue: { item: { name: 'a', code: 'b' } } });
      process.stdout.write(JSON.stringify({ answer: %HasFastProperties(data.item), createNull: %HasFastProperties(Object.create(null)) }));`;
    const output = execFileSync(process.execPath, ['--allow-natives-syntax', '-e', script], { cwd: __dirname, encoding: 'utf8' });
    expect(JSON.parse(output)).toEqual({ answer: true, createNull: false });
  });

  it('an answer inherits no names: unselected Object.prototype members read as absent', async () => {
    const data = await run('{ item { name } }');
    expect(inheritsNothing(data)).toBe(true);
    expect(inheritsNothing(data.item as object)).toBe(true);
    expect((data as { toString?: unknown }).toString).toBeUndefined();
    expect('constructor' in data).toBe(false);
    expect(JSON.stringify(data)).toBe('{"item":{"name":"処方"}}');
  });

  it('response names that are Object.prototype members, or __proto__, become plain own fields of the answer', async () => {
    const data = await run('{ constructor: item { toString: name } hasOwnProperty: later { __proto__: name } }');
    expect(Object.keys(data)).toEqual(['constructor', 'hasOwnProperty']);
    expect(Object.keys(data.hasOwnProperty as object)).toEqual(['__proto__']);
    expect(JSON.stringify(data)).toBe('{"constructor":{"toString":"処方"},"hasOwnProperty":{"__proto__":"処方"}}');
    expect(inheritsNothing(data.hasOwnProperty as object)).toBe(true);
  });

  it('fields that resolve later and serial mutation fields build the same prototype-free objects', async () => {
    const later = await run('{ later { name } item { name } }');
    expect(inheritsNothing(later)).toBe(true);
    expect(inheritsNothing(later.later as object)).toBe(true);
    const mutation = await run('mutation { first: touch { name } second: touch { name } }');
    expect(inheritsNothing(mutation)).toBe(true);
    expect(JSON.stringify(mutation)).toBe('{"first":{"name":"処方"},"second":{"name":"処方"}}');
  });

  it("a resolver's arguments as upstream gives them: a fresh plain object per field, defaults and variables applied, empty for a field without any", async () => {
    argumentsSeen.length = 0;
    const result = await execute({
      schema,
      document: parse('query ($times: Int) { a: echo b: echo(text: "指定", times: $times) c: bare d: bare }'),
      rootValue,
      variableValues: { times: 3 },
    });
    expect(result).toEqual({ data: { a: '既定×none', b: '指定×3', c: '{}', d: '{}' } });
    expect(argumentsSeen).toHaveLength(4);
    expect(argumentsSeen.every((args) => Object.getPrototypeOf(args) === Object.prototype)).toBe(true);
    expect(Object.keys(argumentsSeen[0] as object)).toEqual(['text']);
    expect(new Set(argumentsSeen).size).toBe(4);
  });
});
