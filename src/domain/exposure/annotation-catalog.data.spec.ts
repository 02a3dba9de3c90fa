import { describe, expect, it } from 'vitest';
import {
  INGRESS_ANNOTATIONS,
  SERVICE_ANNOTATIONS,
  findAnnotationSpec,
  knownAnnotationKeys,
  suggestAnnotation,
} from './annotation-catalog.data.js';
import { checkAnnotationValue, parseGoBool, parseListenPorts, parseStringMap, splitList } from './annotation-value.parser.js';
import { VALIDATION_RULES } from './exposure-rules.data.js';

describe('annotation catalogue', () => {
  it('has one entry per key, each with a type, an owner, a resource and a source', () => {
    const keys = [...SERVICE_ANNOTATIONS, ...INGRESS_ANNOTATIONS].map((spec) => spec.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const spec of [...SERVICE_ANNOTATIONS, ...INGRESS_ANNOTATIONS]) {
      expect(spec.owners.length).toBeGreaterThan(0);
      expect(spec.resources.length).toBeGreaterThan(0);
      expect(spec.source).toMatch(/\[|LBC /);
    }
    expect(knownAnnotationKeys()).toContain('service.beta.kubernetes.io/aws-load-balancer-nlb-target-type');
  });

  it('classifies the ALB group-merge behaviour of §3', () => {
    const merge = (suffix: string) => findAnnotationSpec(`alb.ingress.kubernetes.io/${suffix}`)?.merge;
    expect([
      merge('scheme'),
      merge('ip-address-type'),
      merge('subnets'),
      merge('security-groups'),
      merge('load-balancer-name'),
      merge('wafv2-acl-arn'),
      merge('frontend-nlb-scheme'),
    ]).toEqual(Array(7).fill('EXCLUSIVE'));
    expect([merge('ssl-policy'), merge('inbound-cidrs'), merge('mutual-authentication')]).toEqual(Array(3).fill('EXCLUSIVE_PER_PORT'));
    expect([merge('listen-ports'), merge('certificate-arn'), merge('tags'), merge('listener-attributes.HTTPS-443')]).toEqual(
      Array(4).fill('MERGE'),
    );
  });

  it('matches patterned keys but not near misses of them', () => {
    expect(findAnnotationSpec('alb.ingress.kubernetes.io/actions.ssl-redirect')?.type).toBe('json');
    expect(findAnnotationSpec('alb.ingress.kubernetes.io/conditions.canary')?.type).toBe('json');
    expect(findAnnotationSpec('service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-443')?.type).toBe('stringMap');
    expect(findAnnotationSpec('service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP')).toBeUndefined();
    expect(findAnnotationSpec('alb.ingress.kubernetes.io/action.ssl-redirect')).toBeUndefined();
    expect(suggestAnnotation('alb.ingress.kubernetes.io/action.ssl-redirect')).toBe('alb.ingress.kubernetes.io/actions.ssl-redirect');
  });

  it('does not judge other prefixes and suggests nothing for unrelated keys', () => {
    expect(findAnnotationSpec('prometheus.io/scrape')).toBeUndefined();
    expect(suggestAnnotation('prometheus.io/scrape')).toBeUndefined();
    expect(suggestAnnotation('service.beta.kubernetes.io/topology-aware-hints')).toBeUndefined();
    // A manifest ported from AKS: the annotation does nothing on EKS, and the load balancer would be public.
    expect(suggestAnnotation('service.beta.kubernetes.io/azure-load-balancer-internal')).toBe(
      'service.beta.kubernetes.io/aws-load-balancer-internal',
    );
  });

  it('maps every value check that a §2 row names to that row code', () => {
    for (const spec of [...SERVICE_ANNOTATIONS, ...INGRESS_ANNOTATIONS]) {
      if (spec.invalidCode) expect(Object.keys(VALIDATION_RULES)).toContain(spec.invalidCode);
    }
  });
});

describe('annotation values parsed like the controller (pkg/annotations/parser.go)', () => {
  it('booleans follow Go strconv.ParseBool', () => {
    expect(['1', 't', 'T', 'TRUE', 'true', 'True'].map(parseGoBool)).toEqual(Array(6).fill(true));
    expect(['0', 'f', 'FALSE', 'false', 'False'].map(parseGoBool)).toEqual(Array(5).fill(false));
    expect(['yes', 'on', '', ' true'].map(parseGoBool)).toEqual(Array(4).fill(undefined));
  });

  it('lists and maps split on commas and trim', () => {
    expect(splitList(' a, ,b ,')).toEqual(['a', 'b']);
    expect(parseStringMap('k1=v1, k2=a=b')).toEqual(
      new Map([
        ['k1', 'v1'],
        ['k2', 'a=b'],
      ]),
    );
    expect(parseStringMap('k1=v1,novalue')).toBeUndefined();
    expect(parseStringMap('=v')).toBeUndefined();
  });

  it('listen-ports reports the first problem with the controller message', () => {
    expect([...parseListenPorts('[{"HTTP": 80}, {"HTTPS": 443}]').ports]).toEqual([
      [80, 'HTTP'],
      [443, 'HTTPS'],
    ]);
    expect(parseListenPorts('[]').problem).toBe('empty listen-ports configuration: `[]`');
    expect(parseListenPorts('{"HTTP": 80}').problem).toBe('failed to parse listen-ports configuration: `{"HTTP": 80}`');
  });

  it('the in-tree controller reads -internal as "anything but false"', () => {
    const spec = findAnnotationSpec('service.beta.kubernetes.io/aws-load-balancer-internal')!;
    expect(checkAnnotationValue(spec, spec.key, '0.0.0.0/0', 'CCM')).toBeUndefined();
    expect(checkAnnotationValue(spec, spec.key, '0.0.0.0/0', 'LBC')?.code).toBe('INVALID_ANNOTATION_VALUE');
  });
});
