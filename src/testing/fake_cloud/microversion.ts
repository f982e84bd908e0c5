/**
 * Microversion comparison shared by the fake's services.
 *
 * @module
 */

/** Compares "1.20" and "1.3" (or "2.19") as microversions: whether `version` ≥ `wanted`. */
export function versionAtLeast(version: string, wanted: string): boolean {
  const [a = 0, b = 0] = version.split(".").map(Number);
  const [c = 0, d = 0] = wanted.split(".").map(Number);
  return a > c || (a === c && b >= d);
}
