/** AWS Load Balancer Controller (LBC) constants: annotation prefixes, classes, IngressGroup rules. */

/** Service annotations the LBC (and the in-tree controller) read. */
export const SERVICE_ANNOTATION_PREFIX = 'service.beta.kubernetes.io/';
/** Ingress annotations the LBC reads. */
export const INGRESS_ANNOTATION_PREFIX = 'alb.ingress.kubernetes.io/';

/** `spec.loadBalancerClass` that hands a Service of type LoadBalancer to the LBC ([LBC-NLB] L41). */
export const LBC_LOAD_BALANCER_CLASS = 'service.k8s.aws/nlb';
/** The IngressClass the LBC Helm chart creates, and the controller it names. */
export const ALB_INGRESS_CLASS = 'alb';
export const ALB_INGRESS_CONTROLLER = 'ingress.k8s.aws/alb';

/** [LBC-CODE-GL] L23: groupName regex, at most 63 characters. */
const INGRESS_GROUP_NAME_PATTERN = /^([a-z0-9][-a-z0-9.]*)?[a-z0-9]$/;
const INGRESS_GROUP_NAME_MAX = 63;

/** What the controller says about an invalid IngressGroup name (after "invalid ingress group: "), or undefined. */
export function groupNameProblem(name: string): string | undefined {
  if (!INGRESS_GROUP_NAME_PATTERN.test(name)) {
    return "groupName must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
  }
  if (name.length > INGRESS_GROUP_NAME_MAX) return `groupName must be no more than ${INGRESS_GROUP_NAME_MAX} characters`;
  return undefined;
}

/** `alb.ingress.kubernetes.io/group.order`: the controller accepts -1000..1000. */
export const INGRESS_GROUP_ORDER_RANGE = { min: -1000, max: 1000 } as const;
