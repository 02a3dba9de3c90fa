/** Public surface of the Service-exposure engine (pure; no Nest, no I/O). */
export { decideExposure, planExposure, DECISION_PIPELINE, TARGET_TYPE_CONFLICT_CODES } from './exposure-decision.engine.js';
export type { TargetTypeConflictCode } from './exposure-decision.engine.js';
export { recommendExposure } from './exposure-recommendation.engine.js';
export { primaryAnnotations } from './exposure-annotations.builder.js';
export { lintManifests } from './manifest-lint.engine.js';
export { exposureRequestForWorkload } from './design-exposure.mapper.js';
export { DECISION_RULES, VALIDATION_RULES } from './exposure-rules.data.js';
export { SERVICE_ANNOTATIONS, INGRESS_ANNOTATIONS, findAnnotationSpec, suggestAnnotation } from './annotation-catalog.data.js';
export * from './exposure.types.js';
