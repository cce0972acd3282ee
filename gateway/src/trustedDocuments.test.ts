import { canonicalDocument } from './trustedDocuments';

describe('canonical documents (trusted documents)', () => {
  test('order of definitions, fields, arguments, variables, whitespace and __typename do not matter', () => {
    const manifest = 'fragment F on Dispensing { date drugName } query Q($a: String, $b: Int!) { me { dispensings(from: $a, first: $b) { edges { node { ...F } } } id } }';
    const sent = `query Q($b: Int!, $a: String) {
      me { __typename id dispensings(first: $b, from: $a) { edges { node { __typename ...F } } } }
    }
    fragment F on Dispensing { drugName date }`;
    expect(canonicalDocument(sent)).toBe(canonicalDocument(manifest));
  });

  test('a different selection is a different document', () => {
    expect(canonicalDocument('{ me { id name } }')).not.toBe(canonicalDocument('{ me { id name address } }'));
    expect(canonicalDocument('{ me { id } }')).not.toBe(canonicalDocument('{ me { id } } query Extra { me { address } }'));
  });
});
