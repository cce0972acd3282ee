// Tracing first: it must patch http and fetch before they are loaded (off unless OTEL_EXPORTER_OTLP_ENDPOINT is set).
import '@onshi/kit/src/tracingRegister';
import 'reflect-metadata';
import { runSubgraphProcess } from '@onshi/kit';
import { qualificationsSubgraph } from './subgraph';

runSubgraphProcess(qualificationsSubgraph);
