// The worker entry when the service runs from its TypeScript sources (vitest, `tsx`); compiled builds load
// compute.worker.js directly and need no loader. Node 20 ignores `--import` in a Worker's execArgv, so the tsx loader
// is registered here, in the worker thread, before the TypeScript entry is imported.
import { register } from 'tsx/esm/api';

register();
const { default: computeWorker } = await import(new URL('./compute.worker.ts', import.meta.url).href);

export default computeWorker;
