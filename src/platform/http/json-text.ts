/**
 * An answer already serialized to UTF-8 JSON (e.g. by a compute worker thread, whose bytes are moved, not copied, to
 * the event loop), sent as it is: serializing a multi-MB answer on the event loop, encoding its text again for the
 * socket, or copying its object graph back from a thread, costs more than computing it. REST handlers that return one
 * are sent through ImmutableResponseCacheInterceptor, which writes the bytes with a JSON content type.
 */
export class JsonText {
  public constructor(public readonly bytes: Buffer) {}

  public static of(value: unknown): JsonText {
    return new JsonText(Buffer.from(JSON.stringify(value)));
  }

  /** A Uint8Array that crossed a thread (it arrives without Buffer's prototype), viewed as a Buffer without a copy. */
  public static fromBytes(bytes: Uint8Array): JsonText {
    return new JsonText(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }

  public get text(): string {
    return this.bytes.toString('utf8');
  }
}
