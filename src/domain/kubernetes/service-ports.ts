/** Port ranges of a Kubernetes Service. */

/** kube-apiserver `--service-node-port-range` default ([K8S-SVC] #type-nodeport). */
export const NODE_PORT_RANGE = { min: 30000, max: 32767 } as const;

/** Whether a port is in the default NodePort range. */
export function isInNodePortRange(port: number): boolean {
  return port >= NODE_PORT_RANGE.min && port <= NODE_PORT_RANGE.max;
}

/** What kube-apiserver answers for a NodePort outside the range (the message the engine and the lint both report). */
export function nodePortRangeMessage(field: string, value: number): string {
  return `${field}: Invalid value: ${value}: provided port is not in the valid range. The range of valid ports is ${NODE_PORT_RANGE.min}-${NODE_PORT_RANGE.max}`;
}
