import path from 'node:path';
import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The repository root is the workspace root: the kiosk's virtual card and reader keys come from the demo package's
  // source, the reader statement and the vocabulary from the platform's (no subgraph code, docs/architecture.md).
  turbopack: { root: path.join(__dirname, '..') },
  outputFileTracingRoot: path.join(__dirname, '..'),
  transpilePackages: ['@onshi/demo', '@onshi/platform'],
  poweredByHeader: false,
  // The e2e suite builds into its own folder so it never overwrites the build a running `pnpm start` serves.
  distDir: process.env.PORTAL_DIST_DIR ?? '.next',
  // Every data page reads the user's cookie, so it renders per request; nothing is prerendered with data.
  async headers() {
    return [{
      source: '/:path*',
      headers: [
        { key: 'X-Content-Type-Options', value: 'nosniff' },
        { key: 'Referrer-Policy', value: 'same-origin' },
        { key: 'X-Frame-Options', value: 'DENY' },
      ],
    }];
  },
};

export default nextConfig;
