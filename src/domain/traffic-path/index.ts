/** Public surface of the pure traffic-path engine. */
export { tracePath } from './trace-path.engine.js';
export { renderTraceSvg, traceToMermaid, type TraceSvgOptions } from './trace-diagram.js';
export { ASSUMPTION_CODES, DROP_CODES, type AssumptionCode, type DropCode } from './trace-codes.js';
export * from './trace-path.types.js';
