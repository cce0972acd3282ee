import { decodeCursor, encodeCursor } from './cursor';

describe('dispensing cursors', () => {
  const position = { date: '2026-11-20', claimId: '0b6f2c1e-8d1a-4f5e-9c3b-2a1d0e9f8c7b', lineNo: 2 };

  it('round-trips a position', () => {
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it.each([
    ['not base64 json', 'bm90IGpzb24'],
    ['wrong arity', Buffer.from(JSON.stringify(['2026-11-20', position.claimId])).toString('base64url')],
    ['impossible date', Buffer.from(JSON.stringify(['2026-02-30', position.claimId, 0])).toString('base64url')],
    ['claim id that is no uuid', Buffer.from(JSON.stringify(['2026-11-20', "x' or 1=1", 0])).toString('base64url')],
    ['negative line', Buffer.from(JSON.stringify(['2026-11-20', position.claimId, -1])).toString('base64url')],
  ])('rejects a cursor with %s', (_what, cursor) => {
    expect(decodeCursor(cursor)).toBeUndefined();
  });
});
