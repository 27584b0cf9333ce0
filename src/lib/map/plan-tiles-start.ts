/**
 * Registers the plan tiles' protocol and starts reading the archive's header and root directory
 * before the app's modules run: main.ts imports this right after worker-start.ts (bench/load).
 */
import { installPlanTiles } from './plan-sources.ts';

installPlanTiles();
