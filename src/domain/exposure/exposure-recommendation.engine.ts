/** `recommendExposure`: the decision plus the annotations and manifests that implement it (API.md "Service exposure"). */
import { primaryAnnotations } from './exposure-annotations.builder.js';
import { planExposure } from './exposure-decision.engine.js';
import type { ExposureRecommendation, ExposureRequest } from './exposure.types.js';
import { buildManifestObjects, renderManifests } from './manifest.builder.js';

export function recommendExposure(request: ExposureRequest): ExposureRecommendation {
  const plan = planExposure(request);
  return {
    ...plan.decision,
    annotations: primaryAnnotations(plan),
    manifests: renderManifests(buildManifestObjects(plan)),
  };
}
