// A worker thread does not inherit the main thread's TypeScript loader (tsx, or vitest's): it registers tsx itself.
import { register } from 'tsx/esm/api';

register();
await import('./pool-worker.ts');
