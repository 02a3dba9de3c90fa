/**
 * Reading AWS CLI JSON with paths: every value is read through a node that knows where it is (`subnets.Subnets[2].CidrBlock`),
 * and a value of the wrong type is a problem at that path, never an exception. Absent optional fields read as undefined.
 */
import type { ErrorDetail } from '../errors/planning-error.js';

export class Problems {
  public readonly details: ErrorDetail[] = [];

  public add(path: string, message: string): void {
    if (this.details.length < 200) this.details.push({ path, message });
  }
}

type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean';

function typeOf(value: unknown): JsonType | 'null' | 'other' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const type = typeof value;
  return type === 'object' || type === 'string' || type === 'number' || type === 'boolean' ? type : 'other';
}

const ARTICLE: Record<JsonType, string> = {
  object: 'an object',
  array: 'a list',
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
};

export class JsonNode {
  public constructor(
    public readonly value: unknown,
    public readonly path: string,
    private readonly problems: Problems,
  ) {}

  public get exists(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  public field(key: string): JsonNode {
    const record = typeOf(this.value) === 'object' ? (this.value as Record<string, unknown>) : undefined;
    return new JsonNode(record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined, `${this.path}.${key}`, this.problems);
  }

  public keys(): string[] {
    return typeOf(this.value) === 'object' ? Object.keys(this.value as object) : [];
  }

  public is(type: JsonType): boolean {
    return typeOf(this.value) === type;
  }

  /** The node's value when it has the type; a problem when it is present with another type (or missing and required). */
  private read<T>(type: JsonType, required: boolean): T | undefined {
    if (!this.exists) {
      if (required) this.problems.add(this.path, `${this.path} is required (${ARTICLE[type]}).`);
      return undefined;
    }
    if (typeOf(this.value) !== type) {
      this.problems.add(
        this.path,
        `Expected ${ARTICLE[type]} at ${this.path}, got ${ARTICLE[typeOf(this.value) as JsonType] ?? typeOf(this.value)}.`,
      );
      return undefined;
    }
    return this.value as T;
  }

  public string(key: string, required = false): string | undefined {
    return this.field(key).read<string>('string', required);
  }

  public number(key: string, required = false): number | undefined {
    const value = this.field(key).read<number>('number', required);
    if (value !== undefined && !Number.isSafeInteger(value)) {
      this.problems.add(`${this.path}.${key}`, `Expected a whole number at ${this.path}.${key}, got ${value}.`);
      return undefined;
    }
    return value;
  }

  public boolean(key: string): boolean | undefined {
    return this.field(key).read<boolean>('boolean', false);
  }

  /** The items of a list field (empty when absent or of the wrong type, which is reported). */
  public list(key: string, required = false): JsonNode[] {
    return this.field(key).items(required);
  }

  public items(required = false): JsonNode[] {
    const items = this.read<unknown[]>('array', required) ?? [];
    return items.map((item, i) => new JsonNode(item, `${this.path}[${i}]`, this.problems));
  }

  /** An object node (reported when present with another type); undefined when absent. */
  public object(required = false): JsonNode | undefined {
    return this.read<object>('object', required) === undefined ? undefined : this;
  }

  public strings(key: string): string[] {
    return this.list(key).flatMap((item) => {
      if (typeof item.value === 'string') return [item.value];
      this.problems.add(item.path, `Expected a string at ${item.path}.`);
      return [];
    });
  }

  /** EC2's `Tags: [{Key, Value}]` as a map. */
  public tags(): Map<string, string> {
    const tags = new Map<string, string>();
    for (const tag of this.list('Tags')) {
      const key = tag.string('Key');
      const value = tag.string('Value');
      if (key !== undefined) tags.set(key, value ?? '');
    }
    return tags;
  }
}
