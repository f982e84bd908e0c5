/**
 * Placeholder: the sealed token cache lands with its issue.
 *
 * @module
 */
import type { CachedToken } from "./cached_token.ts";

/** A token cache (placeholder until its issue lands). */
export class TokenCache {
  /** Looks a scope up. */
  get(_scope: Record<string, string>): Promise<CachedToken | undefined> {
    return Promise.resolve(undefined);
  }
  /** Stores a token for a scope. */
  set(_scope: Record<string, string>, _token: CachedToken): Promise<void> {
    return Promise.resolve();
  }
  /** Deletes a scope's entry. */
  delete(_scope: Record<string, string>): Promise<void> {
    return Promise.resolve();
  }
}
