import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Principal } from './principal.js';
import { SCOPES } from './scopes.js';

export interface StaticTokenEntry {
  subject: string;
  /** sha256 of the token, hex: the service never holds the token itself. */
  sha256: string;
  scopes: string[];
}

/** Parses API_TOKENS / API_TOKENS_FILE; a malformed entry stops the boot with the reason. */
export function loadStaticTokens(inline: string | undefined, file: string | undefined): StaticTokenEntry[] {
  const sources = [
    inline && { name: 'API_TOKENS', text: inline },
    file && { name: `API_TOKENS_FILE (${file})`, text: readFileSync(file, 'utf8') },
  ].filter((s): s is { name: string; text: string } => Boolean(s));
  return sources.flatMap(({ name, text }) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new Error(`${name} is not JSON: ${(error as Error).message}`, { cause: error });
    }
    if (!Array.isArray(parsed)) throw new Error(`${name} must be a JSON array of {subject, sha256, scopes}`);
    return parsed.map((entry, i) => {
      const e = entry as Partial<StaticTokenEntry>;
      if (typeof e.subject !== 'string' || !e.subject) throw new Error(`${name}[${i}].subject must be a non-empty string`);
      if (typeof e.sha256 !== 'string' || !/^[0-9a-f]{64}$/i.test(e.sha256))
        throw new Error(`${name}[${i}].sha256 must be 64 hex characters (sha256 of the token)`);
      if (!Array.isArray(e.scopes) || e.scopes.some((s) => !(SCOPES as readonly string[]).includes(s)))
        throw new Error(`${name}[${i}].scopes must list ${SCOPES.join(', ')}`);
      return { subject: e.subject, sha256: e.sha256.toLowerCase(), scopes: e.scopes };
    });
  });
}

export function sha256Hex(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class StaticTokenVerifier {
  private readonly entries: { digest: Buffer; principal: Principal }[];

  public constructor(entries: readonly StaticTokenEntry[]) {
    this.entries = entries.map((e) => ({
      digest: Buffer.from(e.sha256, 'hex'),
      principal: { subject: e.subject, scopes: new Set(e.scopes), via: 'static-token' as const },
    }));
  }

  public get size(): number {
    return this.entries.length;
  }

  /** Compares digests in constant time against every entry (no early exit that would leak which prefix matched). */
  public verify(token: string): Principal | undefined {
    const digest = createHash('sha256').update(token, 'utf8').digest();
    let match: Principal | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(entry.digest, digest)) match = entry.principal;
    }
    return match;
  }
}
