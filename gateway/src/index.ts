// Tracing first: it must patch http and fetch before they are loaded (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import '@onshi/platform/tracingRegister';
import { announceReady, loadConfigOrExit, exitWithReason } from '@onshi/platform';
import { gatewayConfigSchema } from './config';
import { startGateway } from './server';

const config = loadConfigOrExit('onshi-gateway', gatewayConfigSchema);
startGateway(config).then(
  (running) => {
    announceReady('gateway', running.url);
    const stop = () => void running.close().then(() => process.exit(0), () => process.exit(1));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    process.once('disconnect', stop);
  },
  (error: unknown) => exitWithReason(`onshi-gateway: failed to start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`),
);
