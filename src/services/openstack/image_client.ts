/**
 * `ImageClient`: Glance v2 (service type "image").
 *
 * @module
 */
import { BaseClient, type Extension } from "../../http/base_client.ts";
import type { HTTPClient } from "../../http/http_client.ts";
import { type Manager, ResourceManager } from "./manager.ts";
import { pathSegment } from "./path.ts";
import type { Image, ImageCreate } from "./image_types.ts";

/**
 * The media type of Glance's JSON-patch updates.
 *
 * @example The media type
 * ```ts
 * import { IMAGE_PATCH_CONTENT_TYPE } from "@nimbus/apiclient/services/openstack";
 * console.log(IMAGE_PATCH_CONTENT_TYPE); // application/openstack-images-v2.1-json-patch
 * ```
 */
export const IMAGE_PATCH_CONTENT_TYPE = "application/openstack-images-v2.1-json-patch";

/** The image manager with data upload and download. */
export interface ImageManager extends Manager<Image, ImageCreate> {
  /** Uploads the image data (`PUT /v2/images/{id}/file`). */
  upload(id: string, data: BodyInit): Promise<void>;
  /** Downloads the image data; `undefined` when none was uploaded. */
  download(id: string): Promise<Uint8Array | undefined>;
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
export class ImageClient extends BaseClient {
  /** "image". */
  static override serviceType: string = "image";
  /** Images (`next` links are followed). */
  readonly images: ImageManager;

  /** Creates the client on a shared HTTPClient. */
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
      upload: async (id: string, data: BodyInit) => {
        const response = await this.put(`/v2/images/${pathSegment(id)}/file`, {
          body: data,
          headers: { "Content-Type": "application/octet-stream" },
        });
        await response.body?.cancel();
      },
      download: async (id: string) => {
        const response = await this.get(`/v2/images/${pathSegment(id)}/file`);
        if (response.status === 204) return undefined;
        return new Uint8Array(await response.arrayBuffer());
      },
    });
  }
}
