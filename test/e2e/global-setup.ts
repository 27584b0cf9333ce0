/**
 * Builds the app (unless E2E_SKIP_BUILD=1) and serves dist/ on 127.0.0.1 with the production
 * Content-Security-Policy header, for every e2e test file.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { startStaticServer, type RunningServer } from '../../scripts/static-server.ts';
import { cspHeader } from '../../scripts/csp.ts';
import { stubRoutes } from './stub-tiles.ts';
import { CSP_REPORT_PATH } from './csp-report.ts';

let server: RunningServer | undefined;

export async function setup(project: TestProject): Promise<void> {
  if (process.env.E2E_SKIP_BUILD !== '1') {
    // The build that ships: under vitest NODE_ENV is "test", with which Vite and Svelte would build
    // a development bundle (Svelte's dev runtime, some 12% larger), not what `npm start` serves.
    execFileSync('npm', ['run', '--silent', 'build'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  server = await startStaticServer({
    root: 'dist',
    // Violations are reported to a path the harness intercepts, from the page and from workers alike.
    headers: { 'content-security-policy': `${cspHeader}; report-uri ${CSP_REPORT_PATH}` },
    routes: stubRoutes,
  });
  project.provide('baseUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.close();
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}
