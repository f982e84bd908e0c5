/**
 * Which hrefs `Connection.followLink` accepts: only paths under the
 * connection's URL, on its origin, so a token never goes elsewhere.
 *
 * @module
 */
import { SdkError } from "../errors/sdk_error.ts";

/**
 * The path of `href` relative to the API URL `base` (no trailing slash),
 * e.g. `clusters/123`. Throws `SdkError` with ovirtsdk4's messages for a
 * missing href or one outside the API.
 */
export function linkPath(base: string, href: string | undefined): string {
  if (!href) {
    throw new SdkError("Can't follow link because the 'href' attribute does't have a value");
  }
  const api = new URL(base);
  // An API at the root (`http://h:8080`) has the path "/": every href is under it.
  const prefix = `${api.pathname.replace(/\/+$/, "")}/`;
  let target: URL | undefined;
  try {
    target = new URL(href, api);
  } catch {
    target = undefined;
  }
  if (!target || target.origin !== api.origin || !target.pathname.startsWith(prefix)) {
    throw new SdkError(`The URL '${href}' isn't compatible with the base URL of the connection`);
  }
  return target.pathname.slice(prefix.length);
}
