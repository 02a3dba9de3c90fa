import { describe, expect, it } from 'vitest';
import { prefersSvg as sut } from './content-negotiation.js';

describe('prefersSvg', () => {
  it('serves SVG only when the caller prefers it to JSON', () => {
    expect(sut('image/svg+xml')).toBe(true);
    expect(sut('image/*')).toBe(true);
    expect(sut('image/svg+xml, application/json;q=0.9')).toBe(true);
    expect(sut('application/json;q=0.1, image/svg+xml;q=0.2')).toBe(true);
  });

  it('keeps JSON by default, on ties and for other types', () => {
    expect(sut(undefined)).toBe(false);
    expect(sut('')).toBe(false);
    expect(sut('*/*')).toBe(false);
    expect(sut('application/json, image/svg+xml')).toBe(false);
    expect(sut('application/json, image/svg+xml;q=0.5')).toBe(false);
    expect(sut('text/html')).toBe(false);
    expect(sut('image/svg+xml;q=0')).toBe(false);
  });
});
