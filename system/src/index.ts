// The launcher of the whole system as a library: what `pnpm start` (start.ts), the system tests and the bench share.
// start.ts, backup.ts and restore.ts are commands (they run when loaded) and stay out of this index.
export * from './processes';
export * from './replicas';
export * from './portal';
export * from './stop';
