// The platform (HTTP, config, errors, auth, service client, roles, policy) is re-exported so a subgraph imports one package.
export * from '@onshi/platform';
export * from './access';
export * from './bulkCopy';
export * from './calendar';
export * from './cardStatus';
export * from './insurerMaster';
export * from './claimsLag';
export * from './clock';
export * from './coverage';
export * from './db';
export * from './facilityReference';
export * from './federation';
export * from './mode';
export * from './operations';
export * from './schemaGuard';
export * from './subgraph';
export { LiveBeforeWrites, liveBeforeWrite } from './tokenLiveness';
export * from './vocabulary';
