import { ValidateBy, type ValidationOptions } from 'class-validator';

/** [K8S] DNS-1035 label: a Service name. */
export const DNS_1035_LABEL = /^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** [K8S] DNS-1123 label: a namespace. */
export const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** [K8S] IANA_SVC_NAME: a named container port. */
const PORT_NAME = /^(?=.{1,15}$)(?=.*[a-z])[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/** A Service targetPort: a port number 1-65535 or a container port name. */
export function IsPortNumberOrName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({
    name: 'isPortNumberOrName',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535) ||
        (typeof value === 'string' && PORT_NAME.test(value) && !value.includes('--')),
      defaultMessage: (args) => `${args?.property ?? 'value'} must be a port number (1-65535) or a port name (IANA_SVC_NAME, at most 15 characters)`,
    },
  }, options);
}
