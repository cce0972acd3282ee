/**
 * OpenTelemetry traces across gateway and subgraphs, OFF by default and ON when the standard
 * variable OTEL_EXPORTER_OTLP_ENDPOINT (or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set. Import this module
 * first in a service's entry point: the http and undici (fetch) instrumentations must patch those modules
 * before anything else loads them. W3C trace context then flows gateway → subgraph → decision point.
 */
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { NodeSDK } from '@opentelemetry/sdk-node';

export function tracingEnabled(env = process.env): boolean {
  return Boolean(env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT);
}

export function startTracing(serviceName: string): NodeSDK | undefined {
  if (!tracingEnabled()) return undefined;
  const sdk = new NodeSDK({
    serviceName,
    traceExporter: new OTLPTraceExporter(),
    // Health probes would drown real traces.
    instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/(health|ready|metrics)/.test(req.url ?? '') }), new UndiciInstrumentation()],
  });
  sdk.start();
  const flush = () => void sdk.shutdown().catch(() => undefined);
  process.once('beforeExit', flush);
  return sdk;
}
