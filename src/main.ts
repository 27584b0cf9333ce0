import { mount } from 'svelte';
import App from './App.svelte';
import { installHook } from './lib/hook.ts';
import './app.css';

installHook();
const target = document.getElementById('app');
if (!target) throw new Error('#app element missing from index.html');
mount(App, { target });
