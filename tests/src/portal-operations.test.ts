import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { REPO_ROOT } from '@onshi/kit';
import { armorFor, limitsConfigSchema } from '@onshi/gateway/src/limits';
import { canonicalDocument } from '@onshi/gateway/src/trustedDocuments';

/**
 * Every operation the portal registers (its trusted-document manifest) is valid against the public API
 * and under every gateway limit at the documented defaults (a normal portal page's operations
 * are under every limit").
 */
const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'portal/lib/graphql/generated/persisted-documents.json'), 'utf8')) as Record<string, string>;
const schema = buildSchema(readFileSync(path.join(REPO_ROOT, 'schema/api.graphql'), 'utf8'));
const defaults = limitsConfigSchema.parse({});
const armor = armorFor(defaults);

test('the portal registers its operations', () => {
  expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(15);
});

test.each(Object.entries(manifest).map(([hash, document]) => [/(query|mutation) (\w+)/.exec(document)?.[2] ?? hash, document]))(
  '%s is valid and under every limit',
  (_name, document) => {
    const parsed = parse(document, { maxTokens: defaults.MAX_TOKENS });
    expect(validate(schema, parsed, [...specifiedRules, ...armor.validationRules]).map((e) => e.message)).toEqual([]);
    expect(() => canonicalDocument(document)).not.toThrow();
  },
);

test("a vendor's largest page (100 dispensings, every field, inline) is under the cost limit", () => {
  const document = parse(`fragment F on Dispensing { date drugCode drugName ingredient drugKind quantity unit usage days inOut prescribingFacilityCode prescribingFacility { code name } pharmacyCode pharmacy { code name } }
    query Page { me { id dispensings(first: 100) { edges { cursor node { ...F } } pageInfo { hasNextPage endCursor } } } }`);
  expect(validate(schema, document, [...specifiedRules, ...armor.validationRules]).map((e) => e.message)).toEqual([]);
});
