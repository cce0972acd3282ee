// The demo package (docs/architecture.md "The demo package"): the demo world, its random numbers, the virtual card,
// the demo accounts' secrets and the reader stand-ins' key files.
// Seeds, demo CLIs, tests, the bench and the portal's kiosk import it; production code may not (eslint.config.mjs).
export * from './card';
export * from './prng';
export * from './secrets';
export * from './world';
export * from './readerKeys';
