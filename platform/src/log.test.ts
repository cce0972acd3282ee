import { Writable } from 'node:stream';
import { createLogger } from './log';

/** drizzle-orm's DrizzleQueryError, as it builds itself: the statement, its values, the database's error as cause. */
class QueryError extends Error {
  constructor(readonly query: string, readonly params: unknown[], cause: Error) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`);
    this.cause = cause;
  }
}

test('a failed query is logged with its statement and the database error, never with its values (patients, log entries)', () => {
  const lines: string[] = [];
  const logger = createLogger('test', 'info', new Writable({ write(chunk: Buffer, _encoding, done) { lines.push(chunk.toString()); done(); } }));
  const patientId = 'b7c1f3a0-patient-山田';
  logger.error({ err: new QueryError('insert into consent.access_log select * from jsonb_to_recordset($1)', [JSON.stringify([{ patient_id: patientId }])], new Error('duplicate key value violates unique constraint')) }, 'decision or access-log write failed');
  const logged = lines.join('');
  expect(logged).toContain('insert into consent.access_log');
  expect(logged).toContain('duplicate key value violates unique constraint');
  expect(logged).toContain('params: (not logged)');
  expect(logged).not.toContain(patientId);
  const plain = new Error('something else');
  logger.error({ err: plain }, 'other');
  expect(lines.at(-1)).toContain('something else');
});
