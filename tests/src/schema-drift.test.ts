import 'reflect-metadata';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { accessPolicyFromSupergraph } from '@onshi/gateway/src/accessPolicy';
import { composeSubgraphs, findDrift } from '@onshi/schema/composition';

const SCHEMA_DIR = path.join(__dirname, '../../schema');

describe('schema drift (docs/architecture.md "Federation": CI fails when committed files drift)', () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    ({ files } = await composeSubgraphs());
  });

  test('the committed schema/*.graphql files are exactly what the code produces', () => {
    expect(findDrift(files, SCHEMA_DIR)).toEqual([]);
  });

  test('the check notices a changed and a missing file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onshi-drift-'));
    try {
      for (const name of readdirSync(SCHEMA_DIR).filter((f) => f.endsWith('.graphql'))) copyFileSync(path.join(SCHEMA_DIR, name), path.join(dir, name));
      writeFileSync(path.join(dir, 'drugs.graphql'), `${files['drugs.graphql'] ?? ''}\ntype Sneaky { x: Int }\n`);
      rmSync(path.join(dir, 'api.graphql'));
      expect(findDrift(files, dir).sort()).toEqual(['api.graphql', 'drugs.graphql']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the supergraph keeps @access on protected fields (the gateway reads it from there)', () => {
    expect(files['supergraph.graphql']).toMatch(/@link\(url: "https:\/\/onshi\.dev\/access\/v0\.1"/);
    const policy = accessPolicyFromSupergraph(files['supergraph.graphql'] ?? '');
    expect(policy.get('Patient.accessLog')).toContain('PATIENT');
    expect(policy.get('Patient.accessLog')).not.toContain('RECEPTION');
    expect(policy.get('Query.me')).toEqual(['PATIENT']);
  });
});
