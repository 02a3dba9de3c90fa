import { describe, expect, it } from 'vitest';
import { citationsOfSource, SOURCES } from './capacity-sources.js';

describe('capacity sources', () => {
  it('links every upstream source through the sources table', () => {
    const unlinked = Object.entries(SOURCES)
      .filter(([key]) => key !== 'derived')
      .filter(([, text]) => citationsOfSource(text).length === 0);
    expect(unlinked).toEqual([]);
  });

  it('links a source to its file at the commit that was read, and the caller’s own input to nothing', () => {
    expect(citationsOfSource(SOURCES.calculator)[0].url).toBe(
      'https://github.com/awslabs/amazon-eks-ami/blob/0ab842803d827b8087d78dd2eff0bc408caec771/templates/al2/runtime/max-pods-calculator.sh',
    );
    expect(citationsOfSource(SOURCES.customNetworkingIssues).map((citation) => citation.url)).toEqual([
      'https://github.com/aws/amazon-vpc-cni-k8s/issues/331',
      'https://github.com/awslabs/amazon-eks-ami/issues/375',
      'https://github.com/aws/amazon-vpc-cni-k8s/issues/3238',
    ]);
    expect(citationsOfSource('request')).toEqual([]);
  });
});
