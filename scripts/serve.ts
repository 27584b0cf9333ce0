/** CLI: serve a built folder on 127.0.0.1 and print its URL. Usage: tsx scripts/serve.ts [dir] [--port N] */
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.ts';
import { cspHeader } from './csp.ts';

const args = process.argv.slice(2);
const dir = args.find((a) => !a.startsWith('--')) ?? 'dist';
const portFlag = args.indexOf('--port');
const port = Number(portFlag >= 0 ? args[portFlag + 1] : (process.env.PORT ?? 4173));

if (!existsSync(`${dir}/index.html`)) {
  console.error(`serve: ${dir}/index.html not found. Run \`npm run build\` first.`);
  process.exit(1);
}
const { url } = await startStaticServer({
  root: dir,
  port,
  headers: { 'content-security-policy': cspHeader },
});
console.log(`Plan Atlas is running at ${url}  (Ctrl+C to stop)`);
