/**
 * A cross-process lock made of a lock file created with `createNew`.
 *
 * Deno has no portable `flock` with a timeout, so the lock is the existence
 * of `<path>.lock`: creating it is atomic on every platform. A holder that
 * crashed leaves the file behind; once it is older than the stale timeout it
 * is broken. Internal to the file store.
 *
 * @module
 */
import { ClientException } from "../errors/client_exception.ts";
import {
  createNewFile,
  type FileStat,
  isAlreadyExists,
  link,
  processId,
  readTextFile,
  remove,
  rename,
  stat,
  userId,
} from "../_runtime/files.ts";

/** Give up waiting after this long: the caller then goes on without the cache. */
export const LOCK_TIMEOUT_MS = 10_000;
/** A lock file older than this is from a crashed holder: a write takes milliseconds. */
export const STALE_LOCK_MS = 5_000;
/** Upper bound on attempts, whatever the clock does. */
const MAX_ATTEMPTS = 3_000;

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Whether a lock file can be ignored: too old, dated in the future, or not ours. */
function isStale(info: FileStat, now: number, staleMs: number): boolean {
  // A symlink (dangling or not) is never a lock this store made: it only makes regular files.
  if (info.isSymlink || !info.isFile) return true;
  // A lock of another user cannot be a live lock on our own 0600 cache file.
  const uid = userId();
  if (uid !== undefined && info.uid !== undefined && info.uid !== uid) return true;
  const mtime = info.mtimeMs;
  if (mtime === undefined) return false;
  // A date far in the future (a skewed clock, a restored backup) would otherwise never age.
  return now - mtime >= staleMs || mtime - now >= staleMs;
}

/** Renames a stale lock away; a fresh lock grabbed by mistake is put back. */
async function breakIfStale(lockPath: string, staleMs: number): Promise<void> {
  let info: FileStat;
  try {
    // lstat: a dangling symlink must be seen (stat would say "gone" and we would wait forever).
    info = await stat(lockPath, { lstat: true });
  } catch {
    return; // released meanwhile
  }
  if (!isStale(info, Date.now(), staleMs)) return;
  // Renaming is atomic, so of several waiters only one takes a given file.
  const aside = `${lockPath}.${crypto.randomUUID()}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  try {
    const moved = await stat(aside, { lstat: true });
    if (!isStale(moved, Date.now(), staleMs)) {
      // Another waiter broke the stale lock first and this is its live one:
      // link it back (fails if a third process already holds a new lock).
      await link(aside, lockPath).catch(() => {});
    }
  } finally {
    await remove(aside).catch(() => {});
  }
}

/**
 * Runs `fn` while holding `<path>.lock`; throws a {@linkcode ClientException}
 * if the lock cannot be had within `timeoutMs` (default
 * {@linkcode LOCK_TIMEOUT_MS}). A lock that is a symlink, belongs to another
 * user, or is older (or further in the future) than {@linkcode STALE_LOCK_MS}
 * is broken.
 */
export async function withFileLock<T>(
  path: string,
  fn: () => Promise<T>,
  timeoutMs: number = LOCK_TIMEOUT_MS,
): Promise<T> {
  const lockPath = `${path}.lock`;
  const deadline = Date.now() + timeoutMs;
  let release: (() => Promise<void>) | undefined;
  for (let attempt = 1;; attempt++) {
    release = await tryLockFile(lockPath, STALE_LOCK_MS);
    if (release) break;
    if (attempt >= MAX_ATTEMPTS || Date.now() >= deadline) {
      throw new ClientException(
        `Timed out after ${timeoutMs} ms waiting for the token cache lock file ${lockPath}; ` +
          `the token is not cached this time`,
      );
    }
    await sleep(Math.min(2 + attempt, 25) * (0.5 + Math.random()));
  }
  try {
    return await fn();
  } finally {
    await release();
  }
}

/**
 * One attempt at the lock file `lockPath`: breaks it first when stale (see
 * `withFileLock`; older than `staleMs`), then creates it. Resolves to the
 * function that removes it (only while it is still ours), or `undefined`
 * when another holder has it.
 */
export async function tryLockFile(
  lockPath: string,
  staleMs: number,
): Promise<(() => Promise<void>) | undefined> {
  const owner = `${processId()} ${crypto.randomUUID()}`;
  await breakIfStale(lockPath, staleMs);
  try {
    const file = await createNewFile(lockPath, 0o600);
    try {
      await file.write(new TextEncoder().encode(owner));
    } finally {
      await file.close();
    }
  } catch (e) {
    if (isAlreadyExists(e)) return undefined;
    throw new ClientException(
      `Cannot create the token cache lock file ${lockPath}: ${(e as Error).message}`,
      { cause: e },
    );
  }
  return async () => {
    // Only remove the lock if it is still ours: it may have been broken as stale.
    const current = await readTextFile(lockPath).catch(() => undefined);
    if (current === owner) await remove(lockPath).catch(() => {});
  };
}
