/**
 * The content-type checks of `ovirtsdk4` (`check_xml_content_type`,
 * `check_json_content_type`), with its exact messages.
 *
 * @module
 */
import { SdkError } from "../errors/sdk_error.ts";

const XML = /^\s*(application|text)\/xml\s*(;.*)?$/;
const JSON_TYPE = /^\s*(application|text)\/json\s*(;.*)?$/;

/**
 * Throws `SdkError` unless the response is XML or JSON (`expected`).
 * `url` is the connection URL: when its path isn't `/ovirt-engine/api`, the
 * message asks whether it is right.
 */
export function checkContentType(
  headers: Headers,
  expected: "XML" | "JSON",
  url: string,
): void {
  const type = headers.get("content-type") ?? "";
  if ((expected === "XML" ? XML : JSON_TYPE).test(type)) return;
  let message = `The response content type '${type}' isn't the expected ${expected}`;
  const path = new URL(url).pathname;
  if (path !== "/ovirt-engine/api") {
    message += `. Is the path '${path}' included in the 'url' parameter correct? ` +
      `The typical one is '/ovirt-engine/api'`;
  }
  throw new SdkError(message);
}
