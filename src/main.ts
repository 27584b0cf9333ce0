import './lib/map/worker-start.ts';
import './lib/map/plan-tiles-start.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import { installHook } from './lib/hook.ts';
import { keepStateOnLinks } from './lib/state/keep-links.ts';
import './app.css';

performance.mark('pa:boot');
installHook();
keepStateOnLinks();
const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');
mount(App, { target });
