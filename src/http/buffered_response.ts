/**
 * A `Response` over a body that was already read. Reading it again needs no
 * stream, which keeps `HTTPClient` close to raw fetch speed.
 *
 * @module
 */

/**
 * A `Response` whose body is already in memory. It behaves like any
 * `Response` (`json()`, `text()`, `body`, `clone()`…), the body can be read
 * once, and `url` is the final URL after redirects.
 */
export class BufferedResponse extends Response {
  #bytes: Uint8Array<ArrayBuffer> | null;
  #used = false;
  #url: string;
  #headers: Headers;

  /**
   * Wraps bytes already read; `null` for responses without a body. The
   * headers object is kept as given, not copied: it is the original
   * response's, which nobody else holds.
   */
  constructor(
    bytes: Uint8Array<ArrayBuffer> | null,
    init: { status: number; statusText?: string; headers: Headers },
    url: string,
  ) {
    super(null, { status: init.status, statusText: init.statusText });
    this.#bytes = bytes;
    this.#url = url;
    this.#headers = init.headers;
  }

  /** The response headers. */
  override get headers(): Headers {
    return this.#headers;
  }

  /** The final URL after redirects. */
  override get url(): string {
    return this.#url;
  }

  /** Whether the body was read. */
  override get bodyUsed(): boolean {
    return this.#used;
  }

  /** The body as a stream (read once). */
  override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
    if (this.#bytes === null) return null;
    const bytes = this.#take();
    return new ReadableStream({
      start(controller) {
        if (bytes.length) controller.enqueue(bytes);
        controller.close();
      },
    });
  }

  /** The body bytes. */
  override bytes(): Promise<Uint8Array<ArrayBuffer>> {
    return this.#read((b) => b);
  }

  /** The body as an ArrayBuffer. */
  override arrayBuffer(): Promise<ArrayBuffer> {
    return this.#read((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength));
  }

  /** The body as UTF-8 text. */
  override text(): Promise<string> {
    return this.#read((b) => new TextDecoder().decode(b));
  }

  /** The body parsed as JSON. */
  override json(): Promise<unknown> {
    return this.#read((b) => JSON.parse(new TextDecoder().decode(b)));
  }

  /** The body as a Blob. */
  override blob(): Promise<Blob> {
    return this.#read((b) => new Blob([b], { type: this.headers.get("content-type") ?? "" }));
  }

  /** The body as form data (rare for JSON APIs; goes through a plain Response). */
  override formData(): Promise<FormData> {
    return this.#read((b) => new Response(b, { headers: this.headers }).formData()).then((f) => f);
  }

  /** A copy that can be read separately. */
  override clone(): BufferedResponse {
    if (this.#used) throw new TypeError("Body already consumed");
    return new BufferedResponse(
      this.#bytes,
      { status: this.status, statusText: this.statusText, headers: new Headers(this.#headers) },
      this.#url,
    );
  }

  #take(): Uint8Array<ArrayBuffer> {
    if (this.#used) throw new TypeError("Body already consumed");
    this.#used = true;
    return this.#bytes ?? new Uint8Array(0);
  }

  #read<T>(convert: (bytes: Uint8Array<ArrayBuffer>) => T): Promise<T> {
    try {
      return Promise.resolve(convert(this.#take()));
    } catch (error) {
      return Promise.reject(error);
    }
  }
}
