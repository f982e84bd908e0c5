/**
 * The typed oVirt model: types, enums, services and the XML/JSON codecs.
 *
 * @module
 */
export * from "./struct.ts";
