/** A loopback port free at the moment of asking (one home: the launcher's, system/src/processes.ts). */
export { freePort } from '@onshi/system';
