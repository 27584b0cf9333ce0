/** Host pages for the embed tests: docs/embed-example.html as a portal would serve it, pointed at the app under test. */
import { readFileSync } from 'node:fs';

export const examplePage = (app: string): string =>
  readFileSync('docs/embed-example.html', 'utf8').replaceAll('https://atlas.example.gov.cn/', `${app}/`);
