/**
 * The generic form `readXml` gives a document whose root tag the model does
 * not know (a newer engine's type): nothing is lost and nothing throws.
 *
 * @module
 */
import { Struct } from "./struct.ts";

/**
 * An XML element the model has no type for: its tag, attributes, child
 * elements and text. `href` and `id` come from the attributes, so a generic
 * element can still be followed as a link.
 *
 * @example Read a root tag the model does not know
 * ```ts
 * import { readXml, XmlElement } from "@nimbus/apiclient/services/ovirt";
 * const doc = readXml('<gadget id="7"><size>3</size></gadget>');
 * if (doc instanceof XmlElement) {
 *   console.log(doc.tag, doc.id, doc.children[0]?.tag, doc.children[0]?.text); // gadget 7 size 3
 * }
 * ```
 */
export class XmlElement extends Struct {
  /** The element's tag. */
  readonly tag: string;
  /** The element's attributes, by name. */
  readonly attributes: Readonly<Record<string, string>>;
  /** The child elements, in document order. */
  readonly children: readonly XmlElement[];
  /** The element's own text (entities decoded), without its children's. */
  readonly text: string;

  /** Builds an element; `href` and `id` are taken from the attributes. */
  constructor(
    tag: string,
    attributes: Readonly<Record<string, string>> = {},
    children: readonly XmlElement[] = [],
    text = "",
  ) {
    super({ href: attributes.href, id: attributes.id });
    this.tag = tag;
    this.attributes = attributes;
    this.children = children;
    this.text = text;
  }
}
