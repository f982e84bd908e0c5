/**
 * `waitFor`: polls a resource until its status is one of the wanted ones,
 * the one implementation behind every manager's waiter (servers, volumes,
 * volume snapshots, images, Trove instances).
 *
 * @module
 */
import { ClientException, ValidationError } from "../../errors/client_exception.ts";
import { NotFound } from "../../errors/http_error.ts";
import { ResourceFailed } from "../../errors/resource_failed.ts";
import { WaitTimeout } from "../../errors/wait_timeout.ts";

/** Options of a `waitFor`. */
export interface WaitOptions<T> {
  /** The status (or statuses) to wait for; "DELETED" also accepts the resource disappearing. */
  status: string | string[];
  /** Statuses that fail the wait with `ResourceFailed` (default per manager: ["ERROR"] + the service's own). */
  failStatus?: string[];
  /** Give up after this many ms (default 600 000). */
  timeout?: number;
  /** Wait this many ms between polls (default 2 000). */
  interval?: number;
  /** Called after each poll with the resource and the time waited so far. */
  onProgress?: (resource: T, elapsedMs: number) => void;
  /** Stops the wait (the promise rejects with the signal's reason). */
  signal?: AbortSignal;
}

/** What {@linkcode waitForStatus} needs to know about one kind of resource. */
export interface WaitTarget<T> {
  /** The resource kind for messages, e.g. "Server". */
  resourceName: string;
  /** Fetches the resource; rejects with `NotFound` once it is gone. */
  get(id: string, options: { signal: AbortSignal }): Promise<T>;
  /** The failure statuses used when the caller gives none. */
  failStatus: string[];
  /** The service's reason for a failure (a server's `fault.message`), if it has one. */
  reason?: (resource: T) => string | undefined;
}

const DEFAULT_TIMEOUT = 600_000;
const DEFAULT_INTERVAL = 2_000;
/** Most polls a wait makes, whatever its options: a bound on a misconfigured loop. */
const MAX_POLLS = 100_000;

function statusOf(resource: unknown): string {
  const status = (resource as { status?: unknown } | null)?.status;
  return typeof status === "string" ? status : "";
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", abort);
      resolve();
    };
    const abort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", abort, { once: true });
  });
}

function checkMs(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value < 0) {
    throw new ValidationError(`waitFor: ${name} must be a number of ms ≥ 0, got ${value}`);
  }
  return value;
}

/**
 * Polls `target.get(id)` until the resource's `status` is one of
 * `options.status` (compared case-insensitively: Nova says "ACTIVE",
 * Cinder "available"). A failure status rejects with `ResourceFailed`; the
 * timeout with `WaitTimeout`; a resource that disappears (`NotFound`)
 * rejects with that `NotFound`, unless the wanted statuses include
 * "DELETED": then it resolves with the last resource seen, its `status`
 * set to "DELETED". Each poll is aborted when the wait times out or the
 * signal fires, so a hung service cannot hold the wait past its timeout.
 *
 * @example Wait for a server to boot
 * ```ts
 * import { waitForStatus } from "./wait_for.ts";
 * import { openCloud } from "@nimbus/apiclient/services/openstack";
 * import { FakeCloud } from "@nimbus/apiclient/testing";
 * await using fake = await FakeCloud.start();
 * await using cloud = openCloud({ env: fake.env() });
 * const { id } = await cloud.compute.servers.create({ name: "web", flavorRef: "1" });
 * const servers = cloud.compute.servers;
 * const server = await waitForStatus({
 *   resourceName: "Server",
 *   get: (i, o) => servers.get(i, o),
 *   failStatus: ["ERROR"],
 * }, id, { status: "ACTIVE", interval: 10 });
 * console.assert(String(server.status) === "ACTIVE");
 * ```
 */
export async function waitForStatus<T>(
  target: WaitTarget<T>,
  id: string,
  options: WaitOptions<T>,
): Promise<T> {
  const wanted = (Array.isArray(options.status) ? options.status : [options.status]).map(String);
  if (wanted.length === 0) throw new ValidationError("waitFor: status must name a status");
  const failing = (options.failStatus ?? target.failStatus).map((s) => s.toUpperCase());
  const timeout = checkMs("timeout", options.timeout, DEFAULT_TIMEOUT);
  const interval = checkMs("interval", options.interval, DEFAULT_INTERVAL);
  const wantSet = new Set(wanted.map((s) => s.toUpperCase()));
  const start = Date.now();
  const deadline = new AbortController();
  // setTimeout fires at once for delays past 2^31-1 ms: a longer timeout means none.
  const timer = timeout < 2 ** 31 ? setTimeout(() => deadline.abort(), timeout) : undefined;
  const signal = options.signal
    ? AbortSignal.any([options.signal, deadline.signal])
    : deadline.signal;
  let last: T | undefined;
  const timedOut = (cause?: unknown) =>
    new WaitTimeout({
      resourceName: target.resourceName,
      id,
      wanted,
      lastStatus: last === undefined ? undefined : statusOf(last),
      elapsedMs: Date.now() - start,
    }, { cause });
  try {
    for (let poll = 0; poll < MAX_POLLS; poll++) {
      let resource: T;
      try {
        resource = await target.get(id, { signal });
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        if (deadline.signal.aborted) throw timedOut(error);
        if (error instanceof NotFound && wantSet.has("DELETED")) {
          return { ...(last ?? { id }), status: "DELETED" } as T;
        }
        throw error;
      }
      last = resource;
      const status = statusOf(resource).toUpperCase();
      options.onProgress?.(resource, Date.now() - start);
      if (wantSet.has(status)) return resource;
      if (failing.includes(status)) {
        throw new ResourceFailed({
          resourceName: target.resourceName,
          id,
          status: statusOf(resource),
          resource,
          reason: target.reason?.(resource),
        });
      }
      try {
        await sleep(interval, signal);
      } catch (error) {
        if (options.signal?.aborted) throw options.signal.reason;
        throw timedOut(error);
      }
    }
    throw new ClientException(
      `waitFor ${target.resourceName} ${id}: gave up after ${MAX_POLLS} polls`,
    );
  } finally {
    clearTimeout(timer);
  }
}
