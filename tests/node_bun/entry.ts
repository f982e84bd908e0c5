/**
 * What the Node/Bun smoke suite loads: every entry point of the package,
 * bundled into one JavaScript file by scripts/node_bun.sh (`deno bundle`),
 * so that the error classes are one set across the entry points.
 *
 * @module
 */
export * as root from "../../mod.ts";
export * as auth from "../../src/auth/mod.ts";
export * as openstack from "../../src/services/openstack/mod.ts";
export * as ovirt from "../../src/services/ovirt/mod.ts";
