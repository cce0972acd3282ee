import { fourthFieldForms, parseFourFields, uniqueMatch } from './disasterSearch';

const tanaka = { patientId: 'pt-1', address: '東京都千代田区丸の内1-1-1', insurerNames: ['全国健康保険協会 東京支部'] };
const tanakaTwin = { patientId: 'pt-2', address: '東京都千代田区神田2-2-2', insurerNames: ['千代田区'] };

describe('uniqueMatch: the fourth field of the disaster search (seed (3) 災害時)', () => {
  test('a partial address finds exactly one person', () => {
    expect(uniqueMatch([tanaka, tanakaTwin], new Set(), '千代田区丸の内')?.patientId).toBe('pt-1');
  });
  test('a partial insurer name finds exactly one person (full-width and spaces normalised)', () => {
    expect(uniqueMatch([tanaka, tanakaTwin], new Set(), '協会　東京')?.patientId).toBe('pt-1');
    expect(uniqueMatch([tanaka, tanakaTwin], new Set(), '健康保険協会')?.patientId).toBe('pt-1');
  });
  test('two matches are refused', () => {
    expect(uniqueMatch([tanaka, tanakaTwin], new Set(), '千代田区')).toBeUndefined();
  });
  test('an empty fourth field finds nobody', () => {
    expect(uniqueMatch([tanaka], new Set(), ' ')).toBeUndefined();
  });
  test('a DV-blocked person never matches, and does not count towards "two matches" either', () => {
    expect(uniqueMatch([tanaka], new Set(['pt-1']), '千代田区丸の内')).toBeUndefined();
    expect(uniqueMatch([tanaka, tanakaTwin], new Set(['pt-2']), '千代田区')?.patientId).toBe('pt-1');
  });
});

describe('the fourth field needs a meaningful part (docs/domain.md "Disaster")', () => {
  test.each(['1', '-', '都', ' ', '12-3', '区'])('%j is refused as BAD_USER_INPUT', (fourth) => {
    expect(() => parseFourFields({ name: '田中 一郎', birthdate: '1980-01-01', sex: '1', insurerNameOrAddress: fourth })).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });
  test('two letters of an insurer name, or an address naming its municipality', () => {
    expect(fourthFieldForms('協会')).toEqual({ insurerName: true, address: false });
    expect(fourthFieldForms('港区')).toEqual({ insurerName: true, address: true });
    expect(fourthFieldForms('大阪市')).toEqual({ insurerName: true, address: true });
  });
  test('part of an address below the municipality does not match an address (it may match an insurer name)', () => {
    expect(uniqueMatch([tanaka, tanakaTwin], new Set(), '丸の内')).toBeUndefined();
    expect(uniqueMatch([tanaka, tanakaTwin], new Set(), '神田')).toBeUndefined();
  });
});
