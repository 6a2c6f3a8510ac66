/**
 * Entry point: `npm run train:flagger` (tsx). Trains the flagger's model from ../shared/data and writes
 * src/analysis/flagger/model/{linear-model,aux,training-metrics}.json. Deterministic; < 2 minutes.
 */
import { trainFlagger } from '../../src/analysis/flagger/train/train.js';

void trainFlagger({ log: (s) => console.log(`[train] ${s}`) });
