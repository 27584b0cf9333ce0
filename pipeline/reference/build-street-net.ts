/** `npm run data:streets`: writes data/reference/street-net.geojson from the other reference files (street-net.ts). */
import { writeFileSync } from 'node:fs';
import { loadReference } from '../stages/reference.ts';
import { streetNet, STREET_NET_FILE } from './street-net.ts';

const fc = streetNet(loadReference('data/reference'));
writeFileSync(STREET_NET_FILE, JSON.stringify(fc) + '\n');
console.log(`${STREET_NET_FILE}: ${fc.features.length} lines`);
