import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

/**
 * patches/@apollo__utils.createhash@{2.0.2,3.0.1}.patch (docs/dependencies.md): Apollo Server hashes every request's
 * query text (its document cache key) and Apollo Gateway every request's query plan key through
 * `@apollo/utils.createhash`, which looked up node:crypto with `module.require` on every call. Each call went through
 * the whole module resolution, under tsx its resolver too (2–3 % of every subgraph's CPU under load). Patched, the
 * module finds node:crypto once, when it loads.
 *
 * Asked in a child process with plain `node`, because Jest runs modules under its own `require`, not Node's loader:
 * the createhash that Apollo Server and Apollo Gateway each resolve (two versions) hashes as node:crypto does, and a
 * hundred hashes cost no module resolution. Unpatched, each hash costs one `Module._load`.
 */
describe('Apollo query hashing (patched @apollo/utils.createhash)', () => {
  const script = `
    const Module = require('node:module');
    const owners = { server: require.resolve('@apollo/server'), gateway: require.resolve('@apollo/gateway') };
    const hashers = Object.fromEntries(Object.entries(owners).map(([owner, entry]) => [owner, Module.createRequire(entry)('@apollo/utils.createhash').createHash]));
    let loads = 0;
    const load = Module._load;
    Module._load = function (...args) { loads += 1; return load.apply(this, args); };
    const answers = {};
    for (const [owner, createHash] of Object.entries(hashers)) {
      loads = 0;
      let digest = '';
      for (let i = 0; i < 100; i += 1) digest = createHash('sha256').update('query Dashboard { me { id } }').digest('hex');
      answers[owner] = { digest, loads };
    }
    Module._load = load;
    process.stdout.write(JSON.stringify(answers));`;

  it('hashes as node:crypto does, without resolving a module per hash, for Apollo Server and Apollo Gateway alike', () => {
    const output = execFileSync(process.execPath, ['-e', script], { cwd: __dirname, encoding: 'utf8' });
    const expected = createHash('sha256').update('query Dashboard { me { id } }').digest('hex');
    expect(JSON.parse(output)).toEqual({ server: { digest: expected, loads: 0 }, gateway: { digest: expected, loads: 0 } });
  });
});
