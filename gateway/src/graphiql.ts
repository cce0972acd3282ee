import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { clientAddressOf, type RouteHandler, type TokenVerifier } from '@onshi/platform';

/**
 * GraphiQL for operators, served from this process — no CDN: the machines are offline.
 * GraphiQL 3's UMD bundle runs on React 18's UMD builds without a bundler (GraphiQL 4+ needs one).
 * Reachable only with an ADMIN session: the `onshi_operator` cookie (HttpOnly, SameSite=Strict, set by the
 * login form below after the consent subgraph's staff login) holds the operator's access token.
 */
export const OPERATOR_COOKIE = 'onshi_operator';

const asset = (pkg: string, file: string) => readFileSync(path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file));
const ASSETS: Record<string, { type: string; body: Buffer }> = {
  'react.js': { type: 'text/javascript', body: asset('react', 'umd/react.production.min.js') },
  'react-dom.js': { type: 'text/javascript', body: asset('react-dom', 'umd/react-dom.production.min.js') },
  'graphiql.js': { type: 'text/javascript', body: asset('graphiql', 'graphiql.min.js') },
  'graphiql.css': { type: 'text/css', body: asset('graphiql', 'graphiql.min.css') },
};

const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};

export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function html(res: ServerResponse, status: number, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...SECURITY_HEADERS, ...extra });
  res.end(body);
}

const loginPage = (message: string) => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Onshi operator login</title>
<meta name="viewport" content="width=device-width,initial-scale=1"></head><body style="font-family:sans-serif;max-width:28rem;margin:3rem auto">
<h1>運用者ログイン / Operator login</h1><p role="alert">${message}</p>
<form method="post" action="/graphiql/login">
<p><label>職員ID / Staff ID <input name="staffId" autocomplete="username" required></label></p>
<p><label>パスワード / Password <input name="password" type="password" autocomplete="current-password" required></label></p>
<p><label>ワンタイムコード / TOTP <input name="totp" inputmode="numeric" pattern="[0-9]{6}" autocomplete="one-time-code" required></label></p>
<p><button type="submit">ログイン / Log in</button></p></form></body></html>`;

const graphiqlPage = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>Onshi GraphiQL (operators)</title>
<link rel="stylesheet" href="/graphiql/assets/graphiql.css"><style>html,body,#graphiql{height:100%;margin:0}</style></head>
<body><div id="graphiql"></div>
<script src="/graphiql/assets/react.js"></script><script src="/graphiql/assets/react-dom.js"></script><script src="/graphiql/assets/graphiql.js"></script>
<script>
const defaultQuery = '# Onshi operator console. Introspection and the docs explorer (left) are open to operators only.\n' +
  '# Every read of patient data is decided by the consent subgraph and written to the access log.\n\n' +
  'query RecentAccess {\n  accessLogSearch(first: 20) {\n    at actorRole facilityCode patientId category decision reason special requestId\n  }\n  activeDisasters { id name prefectures startsAt endsAt }\n}\n';
const fetcher = GraphiQL.createFetcher({ url: '/graphql', fetch: (url, init) => fetch(url, { ...init, credentials: 'same-origin' }) });
ReactDOM.createRoot(document.getElementById('graphiql')).render(React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }));
</script></body></html>`;

export interface GraphiqlOptions {
  verifyToken: TokenVerifier;
  /** Logs an operator in with staff ID, password and TOTP; resolves to an access token or throws. */
  /** `clientAddress`: the operator's address, so consent throttles failed logins per real source. */
  login(staffId: string, password: string, totp: string, clientAddress: string): Promise<{ accessToken: string; role: string }>;
}

export function graphiqlRoutes(options: GraphiqlOptions): Record<string, RouteHandler> {
  const routes: Record<string, RouteHandler> = {
    'GET /graphiql': async (req, res) => {
      const token = cookieValue(req, OPERATOR_COOKIE);
      const actor = token ? await options.verifyToken(token).catch(() => null) : null;
      if (!actor) return html(res, 401, loginPage('GraphiQL は運用者専用です。ログインしてください / GraphiQL is for operators: please log in.'));
      if (actor.role !== 'ADMIN') return html(res, 403, loginPage('運用者のみ利用できます / Operators only.'));
      html(res, 200, graphiqlPage);
    },
    'POST /graphiql/login': async (req, res, body) => {
      const form = new URLSearchParams(body);
      try {
        const session = await options.login(form.get('staffId') ?? '', form.get('password') ?? '', form.get('totp') ?? '', clientAddressOf(req));
        if (session.role !== 'ADMIN') return html(res, 403, loginPage('運用者のみ利用できます / Operators only.'));
        res.writeHead(303, { 'location': '/graphiql', 'set-cookie': `${OPERATOR_COOKIE}=${encodeURIComponent(session.accessToken)}; HttpOnly; SameSite=Strict; Path=/; Max-Age=900`, ...SECURITY_HEADERS });
        res.end();
      } catch {
        html(res, 401, loginPage('ログインできませんでした / Login failed.'));
      }
    },
  };
  for (const [name, file] of Object.entries(ASSETS)) {
    routes[`GET /graphiql/assets/${name}`] = (_req, res) => {
      res.writeHead(200, { 'content-type': `${file.type}; charset=utf-8`, 'cache-control': 'public, max-age=86400', 'x-content-type-options': 'nosniff' });
      res.end(file.body);
    };
  }
  return routes;
}
