/**
 * Before every test file. Files share one module graph (vitest.config.ts), so a hook registered when a
 * helper module is first imported would belong to the first file only; the hooks every file needs are
 * registered here instead.
 */
import { afterEach, inject } from 'vitest';
import { removeTempDirs } from './helpers/temp.js';

// qda and every process it spawns keep parsed codebooks in the run's own cache folder.
process.env.QDA_CACHE_DIR = inject('cacheDir');

afterEach(removeTempDirs);
