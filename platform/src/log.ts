import pino from 'pino';

/** JSON logs on stdout (pino). One logger per process, named after the service. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? 'info') {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
export type Logger = ReturnType<typeof createLogger>;
