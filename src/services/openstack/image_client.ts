/**
 * `ImageClient`: Glance v2 (service type "image").
 *
 * @module
 */
import type { Extension } from "../../http/base_client.ts";
import { ServiceClient } from "./service_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { type Manager, ResourceManager } from "./manager.ts";
import { pathSegment } from "./path.ts";
import type { Image, ImageCreate } from "./image_types.ts";
import { waitForStatus, type WaitOptions } from "./wait_for.ts";

// The transfer code (streams, digests, files) loads with the first upload or
// download: a script that only lists images does not pay for it at start-up.
const transfer = () => import("./image_transfer.ts");

/**
 * The media type of Glance's JSON-patch updates.
 *
 * @example The media type
 * ```ts
 * import { IMAGE_PATCH_CONTENT_TYPE } from "./image_client.ts";
 * console.assert(String(IMAGE_PATCH_CONTENT_TYPE) === "application/openstack-images-v2.1-json-patch");
 * ```
 */
export const IMAGE_PATCH_CONTENT_TYPE = "application/openstack-images-v2.1-json-patch";

/** Progress of an image transfer. */
export type TransferProgress = (bytes: number, total: number | undefined) => void;

/** The image manager with data upload, streamed download and the waiter. */
export interface ImageManager extends Manager<Image, ImageCreate> {
  /**
   * Uploads the image data (`PUT /v2/images/{id}/file`) from a stream, bytes
   * or a file path (streamed from disk). `onProgress` gets the bytes sent so
   * far and the total when known.
   */
  upload(
    id: string,
    data: ReadableStream<Uint8Array> | Uint8Array | string,
    options?: { onProgress?: TransferProgress },
  ): Promise<void>;
  /**
   * Streams the image data. The stream is checked as it passes: at its end
   * the digest is compared with the image's `os_hash_value` (else its
   * `checksum`, else the `Content-MD5` header), and a mismatch errors the
   * stream with `ChecksumMismatch`. An image without data (Glance's 204)
   * gives an empty stream.
   */
  download(
    id: string,
    options?: { onProgress?: TransferProgress; signal?: AbortSignal },
  ): Promise<ReadableStream<Uint8Array>>;
  /** Waits for a status (default failures: killed, ERROR). */
  waitFor(id: string, options: WaitOptions<Image>): Promise<Image>;
}

/**
 * The Glance v2 API (the catalog endpoint without `/v2`, as Glance
 * publishes it). `images.update()` sends a JSON patch built from the given
 * fields: `replace` for fields the image has, `add` for new ones, `remove`
 * for fields given as `undefined`.
 *
 * @example Rename an image and add a property
 * ```ts
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const image = await cloud.image.images.find({ name: "cirros-0.6.2-x86_64-disk" });
 * const renamed = await cloud.image.images.update(image.id, { name: "cirros", os_distro: "cirros" });
 * console.log(renamed.name, renamed.os_distro); // cirros cirros
 * ```
 */
export class ImageClient extends ServiceClient {
  /** "image". */
  static override serviceType: string = "image";
  /** Images (`next` links are followed). */
  readonly images: ImageManager;

  /**
   * Creates the client on a shared HTTPClient.
   *
   * @param http the session to send through (shared with the other clients).
   * @param extensions managers to attach as `client[name]`; default none.
   */
  constructor(http: HTTPClient, extensions?: Extension[]) {
    super(http, extensions);
    const images = new ResourceManager<Image, ImageCreate>(this, {
      resourceName: "Image",
      path: "/v2/images",
      plural: "images",
      paging: "glance",
      update: "json-patch",
      patchType: IMAGE_PATCH_CONTENT_TYPE,
    });
    this.images = Object.assign(images, {
      upload: async (
        id: string,
        data: ReadableStream<Uint8Array> | Uint8Array | string,
        options: { onProgress?: TransferProgress } = {},
      ) => {
        const { uploadBody } = await transfer();
        const { body, total, close } = await uploadBody(data, options.onProgress);
        try {
          const headers: Record<string, string> = { "Content-Type": "application/octet-stream" };
          if (total !== undefined && !(body instanceof Uint8Array)) {
            headers["Content-Length"] = String(total);
          }
          const response = await this.put(`/v2/images/${pathSegment(id)}/file`, { body, headers });
          await response.body?.cancel();
          if (data instanceof Uint8Array) options.onProgress?.(data.byteLength, data.byteLength);
        } finally {
          close();
        }
      },
      download: async (
        id: string,
        options: { onProgress?: TransferProgress; signal?: AbortSignal } = {},
      ) => {
        const { emptyStream, expectedDigest, verifyingStream } = await transfer();
        const image = await images.get(id, { signal: options.signal });
        const response = await this.get(`/v2/images/${pathSegment(id)}/file`, {
          stream: true,
          signal: options.signal,
          // Data on success; a JSON error body (with Glance's reason) otherwise.
          headers: { Accept: "application/octet-stream, application/json" },
        });
        if (response.status === 204 || !response.body) {
          await response.body?.cancel();
          return emptyStream();
        }
        const length = Number(response.headers.get("content-length") ?? NaN);
        return response.body.pipeThrough(
          verifyingStream({
            id,
            expected: expectedDigest(image, response.headers),
            total: Number.isFinite(length) ? length : image.size ?? undefined,
            onProgress: options.onProgress,
          }),
        );
      },
      waitFor: (id: string, o: WaitOptions<Image>) =>
        waitForStatus(
          {
            resourceName: "Image",
            get: (i, call) => images.get(i, call),
            failStatus: ["killed", "ERROR"],
          },
          id,
          o,
        ),
    });
  }
}
