/**
 * Kubernetes object-name rules ([K8S] apimachinery validation): the engines and the request DTOs use these predicates,
 * so the two cannot drift apart.
 */

/** [K8S] DNS-1035 label: lower-case alphanumerics and '-', starting with a letter, ending alphanumeric, at most 63 characters. */
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** [K8S] DNS-1123 label: as DNS-1035, but it may start with a digit. */
const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** [K8S] IANA_SVC_NAME: 1-15 characters, lower-case alphanumerics and '-', at least one letter, no '-' at either end, no '--'. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])(?!.*--)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A Service name. */
export function isDns1035Label(value: unknown): value is string {
  return typeof value === 'string' && DNS_1035_LABEL.test(value);
}

/** A namespace. */
export function isDns1123Label(value: unknown): value is string {
  return typeof value === 'string' && DNS_1123_LABEL.test(value);
}

/** A named container port (what a Service targetPort may name). */
export function isPortName(value: unknown): value is string {
  return typeof value === 'string' && PORT_NAME.test(value);
}
