import pino from 'pino';

/** Where the values of a failed query begin in drizzle's error message (`Failed query: …\nparams: …`). */
const QUERY_VALUES = '\nparams: ';

/**
 * An error as logged, without the values of a failed query: drizzle's query error carries the statement's parameters
 * in its message, its stack and a `params` property, and those are patients' ids and whole access-log entries. The
 * statement's text and the database's own error (the cause) are kept: they say what failed.
 */
export function errorWithoutQueryValues(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.errWithCause(error) as unknown as Record<string, unknown>;
  if (!('params' in error)) return serialized;
  const cut = (text: unknown) => {
    if (typeof text !== 'string') return text;
    const from = text.indexOf(QUERY_VALUES);
    if (from < 0) return text;
    const stackFrames = text.indexOf('\n    at ', from);
    return `${text.slice(0, from)}${QUERY_VALUES}(not logged)${stackFrames < 0 ? '' : text.slice(stackFrames)}`;
  };
  const { params: _values, ...rest } = serialized;
  return { ...rest, message: cut(serialized.message), stack: cut(serialized.stack) };
}

/** JSON logs on stdout (pino). One logger per process, named after the service. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info', destination?: pino.DestinationStream) {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime, serializers: { err: errorWithoutQueryValues } }, destination);
}
export type Logger = ReturnType<typeof createLogger>;
