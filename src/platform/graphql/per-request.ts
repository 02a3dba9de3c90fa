/**
 * Something made once per GraphQL request and kept beside the request's context object (a WeakMap, so it goes with the
 * request): the request's DataLoaders, which batch and cache its reads for that request only.
 */
export class PerRequest<T> {
  private readonly byContext = new WeakMap<object, T>();

  public constructor(private readonly create: () => T) {}

  public of(context: object): T {
    let value = this.byContext.get(context);
    if (value === undefined) {
      value = this.create();
      this.byContext.set(context, value);
    }
    return value;
  }

  /** Drops this request's value: the next `of` makes a new one. */
  public forget(context: object): void {
    this.byContext.delete(context);
  }
}
