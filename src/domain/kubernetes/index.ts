/** Kubernetes and AWS Load Balancer Controller vocabulary shared by the engines and the request DTOs. */
export * from './kubernetes-names.js';
export * from './service-ports.js';
export * from './load-balancer-controller.js';
