/** `npm run data`: not built yet. Fails loudly rather than pretend to produce data. */
console.error('npm run data: the pipeline is not implemented yet (see the geocoding issue).');
process.exit(1);
