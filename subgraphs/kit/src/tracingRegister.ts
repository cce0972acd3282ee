/** Side-effect import for a subgraph's entry point: the platform's tracing starts before http/fetch are loaded. */
import '@onshi/platform/tracingRegister';
