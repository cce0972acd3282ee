/** A loopback port free at the moment of asking (one home: the launcher's, gateway/src/system/processes.ts). */
export { freePort } from '@onshi/gateway/src/system/processes';
