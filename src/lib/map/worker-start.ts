/**
 * Starts MapLibre's worker as soon as maplibre-gl itself has run, before the app's modules: main.ts
 * imports this first. The worker fetches and compiles its 0.5 MB script while the page renders
 * (bench/load).
 */
import { prewarm, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { absolute } from '../data/urls.ts';

setWorkerUrl(absolute(workerUrl));
prewarm();
