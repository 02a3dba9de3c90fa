/**
 * An answer already serialized to JSON (e.g. by a compute worker thread), sent as it is: serializing a multi-MB answer
 * on the event loop, or copying its object graph back from a thread, costs more than computing it. REST handlers that
 * return one are sent through ImmutableResponseCacheInterceptor, which writes the text with a JSON content type.
 */
export class JsonText {
  public constructor(public readonly text: string) {}
}
