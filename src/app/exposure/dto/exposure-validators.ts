import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isDns1035Label, isDns1123Label, isPortName } from '../../../domain/kubernetes/kubernetes-names.js';
import { OPTION_BOUNDS, isIntegerWithin } from '../../../domain/spec/option-bounds.js';

/** [K8S] DNS-1035 label: a Service name (the engine's own check). */
export function IsDns1035Label(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDns1035Label',
      validator: {
        validate: (value: unknown) => isDns1035Label(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a DNS-1035 label`,
      },
    },
    options,
  );
}

/** [K8S] DNS-1123 label: a namespace (the engine's own check). */
export function IsDns1123Label(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDns1123Label',
      validator: {
        validate: (value: unknown) => isDns1123Label(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a DNS-1123 label`,
      },
    },
    options,
  );
}

/** A Service targetPort: a port number 1-65535 or a container port name (IANA_SVC_NAME, the engine's own check). */
export function IsPortNumberOrName(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isPortNumberOrName',
      validator: {
        validate: (value: unknown) => isIntegerWithin(value, OPTION_BOUNDS.port) || isPortName(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a port number (1-65535) or a port name (IANA_SVC_NAME, at most 15 characters)`,
      },
    },
    options,
  );
}
