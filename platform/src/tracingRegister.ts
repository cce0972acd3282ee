/** Side-effect import for entry points: starts tracing (if enabled) before http/fetch are loaded. */
import { startTracing } from './tracing';

startTracing(process.env.OTEL_SERVICE_NAME ?? 'onshi');
