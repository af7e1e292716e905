/** The tests' helpers: the built CLI (cli.ts), casts (cast.ts), waiting (wait.ts). The app driver is app.tsx. */
export * from './cast.js';
export * from './cli.js';
export * from './wait.js';
