/**
 * The file operations the package needs (clouds.yaml, CA files, the file
 * token store and its lock), on Deno's API or Node's `node:fs`. Deno's
 * missing-permission refusals become {@linkcode PermissionRequired} naming
 * the flag; other errors keep their `code` (`ENOENT`, `EEXIST`...) on every
 * runtime, which {@linkcode isNotFound} and friends read.
 *
 * @module
 */
import type * as NodeFs from "node:fs";
import { explainPermission, type Permission } from "./permissions.ts";
import { denoNamespace, nodeProcess, requireNodeBuiltin } from "./runtime.ts";

function nodeFs(forWhat: string): typeof NodeFs {
  return requireNodeBuiltin<typeof NodeFs>("node:fs", forWhat);
}

function read(path: string): Permission {
  return { name: "read", path };
}

function write(path: string): Permission {
  return { name: "write", path };
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

/**
 * Whether `error` says the file does not exist.
 *
 * @example
 * ```ts
 * import { isNotFound, readTextFile } from "./files.ts";
 * console.assert(await readTextFile("/nonexistent/x").catch(isNotFound) === true);
 * ```
 */
export function isNotFound(error: unknown): boolean {
  const deno = denoNamespace();
  return codeOf(error) === "ENOENT" || (!!deno && error instanceof deno.errors.NotFound);
}

/**
 * Whether `error` says the file already exists (a `createNew` open).
 *
 * @example
 * ```ts
 * import { isAlreadyExists } from "./files.ts";
 * console.assert(!(isAlreadyExists(new Error("x"))));
 * ```
 */
export function isAlreadyExists(error: unknown): boolean {
  const deno = denoNamespace();
  return codeOf(error) === "EEXIST" || (!!deno && error instanceof deno.errors.AlreadyExists);
}

/**
 * Whether `error` says the path is a directory.
 *
 * @example
 * ```ts
 * import { isADirectory, readTextFile } from "./files.ts";
 * console.assert(await readTextFile("/").catch(isADirectory) === true);
 * ```
 */
export function isADirectory(error: unknown): boolean {
  const deno = denoNamespace();
  return codeOf(error) === "EISDIR" || (!!deno && error instanceof deno.errors.IsADirectory);
}

/**
 * The text of a file, read synchronously (constructors that take a path).
 *
 * @example
 * ```ts
 * import { readTextFileSync } from "./files.ts";
 * console.assert(readTextFileSync("/etc/hostname").length > 0);
 * ```
 */
export function readTextFileSync(path: string): string {
  const deno = denoNamespace();
  try {
    return deno ? deno.readTextFileSync(path) : nodeFs("reading a file").readFileSync(path, "utf8");
  } catch (error) {
    throw explainPermission(error, `read ${path}`, read(path));
  }
}

/**
 * The text of a file.
 *
 * @example
 * ```ts
 * import { readTextFile } from "./files.ts";
 * console.assert((await readTextFile("/etc/hostname")).length > 0);
 * ```
 */
export async function readTextFile(path: string): Promise<string> {
  const deno = denoNamespace();
  try {
    return deno
      ? await deno.readTextFile(path)
      : await nodeFs("reading a file").promises.readFile(path, "utf8");
  } catch (error) {
    throw explainPermission(error, `read ${path}`, read(path));
  }
}

/**
 * Creates a directory (and its parents with `recursive`).
 *
 * @example
 * ```ts
 * import { mkdir } from "./files.ts";
 * const dir = await Deno.makeTempDir();
 * await mkdir(`${dir}/a/b`, { recursive: true, mode: 0o700 });
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function mkdir(
  path: string,
  options: { recursive?: boolean; mode?: number } = {},
): Promise<void> {
  const deno = denoNamespace();
  try {
    if (deno) await deno.mkdir(path, options);
    else await nodeFs("creating a directory").promises.mkdir(path, options);
  } catch (error) {
    throw explainPermission(error, `create ${path}`, write(path));
  }
}

/** A file opened for writing by {@linkcode createNewFile}. */
export interface WritableFile {
  /** Writes every byte. */
  write(bytes: Uint8Array): Promise<void>;
  /** Flushes the data to the disk. */
  sync(): Promise<void>;
  /** Closes the file. */
  close(): Promise<void>;
}

/**
 * Creates `path` for writing, failing when it exists (`EEXIST`): atomic on
 * every platform, which makes it usable as a lock.
 *
 * @example
 * ```ts
 * import { createNewFile, isAlreadyExists } from "./files.ts";
 * const path = `${await Deno.makeTempDir()}/lock`;
 * const file = await createNewFile(path, 0o600);
 * await file.close();
 * console.assert(await createNewFile(path, 0o600).catch(isAlreadyExists) === true);
 * ```
 */
export async function createNewFile(path: string, mode: number): Promise<WritableFile> {
  const deno = denoNamespace();
  try {
    if (deno) {
      const file = await deno.open(path, { createNew: true, write: true, mode });
      return {
        async write(bytes) {
          for (let offset = 0; offset < bytes.length;) {
            offset += await file.write(bytes.subarray(offset));
          }
        },
        sync: () => file.syncData(),
        close: () => Promise.resolve(file.close()),
      };
    }
    const handle = await nodeFs("creating a file").promises.open(path, "wx", mode);
    return {
      async write(bytes) {
        for (let offset = 0; offset < bytes.length;) {
          offset += (await handle.write(bytes, offset)).bytesWritten;
        }
      },
      sync: () => handle.datasync(),
      close: () => handle.close(),
    };
  } catch (error) {
    throw explainPermission(error, `create ${path}`, write(path));
  }
}

/**
 * Sets the mode bits exactly (a mode given on creation is filtered by the
 * umask); nothing on Windows, which has no such bits.
 *
 * @example
 * ```ts
 * import { chmod } from "./files.ts";
 * const path = await Deno.makeTempFile();
 * await chmod(path, 0o600);
 * await Deno.remove(path);
 * ```
 */
export async function chmod(path: string, mode: number): Promise<void> {
  const deno = denoNamespace();
  if ((deno?.build.os ?? nodeProcess()?.platform) === (deno ? "windows" : "win32")) return;
  try {
    if (deno) await deno.chmod(path, mode);
    else await nodeFs("changing a file mode").promises.chmod(path, mode);
  } catch (error) {
    throw explainPermission(error, `change the mode of ${path}`, write(path));
  }
}

/**
 * Renames `from` to `to`, replacing `to` atomically.
 *
 * @example
 * ```ts
 * import { rename } from "./files.ts";
 * const path = await Deno.makeTempFile();
 * await rename(path, `${path}.2`);
 * await Deno.remove(`${path}.2`);
 * ```
 */
export async function rename(from: string, to: string): Promise<void> {
  const deno = denoNamespace();
  try {
    if (deno) await deno.rename(from, to);
    else await nodeFs("renaming a file").promises.rename(from, to);
  } catch (error) {
    throw explainPermission(error, `rename ${from} to ${to}`, write(to));
  }
}

/**
 * Removes a file.
 *
 * @example
 * ```ts
 * import { remove } from "./files.ts";
 * await remove(await Deno.makeTempFile());
 * ```
 */
export async function remove(path: string): Promise<void> {
  const deno = denoNamespace();
  try {
    if (deno) await deno.remove(path);
    else await nodeFs("removing a file").promises.unlink(path);
  } catch (error) {
    throw explainPermission(error, `remove ${path}`, write(path));
  }
}

/**
 * Makes `to` a hard link to `from`.
 *
 * @example
 * ```ts
 * import { link } from "./files.ts";
 * const path = await Deno.makeTempFile();
 * await link(path, `${path}.2`);
 * await Deno.remove(path);
 * await Deno.remove(`${path}.2`);
 * ```
 */
export async function link(from: string, to: string): Promise<void> {
  const deno = denoNamespace();
  try {
    if (deno) await deno.link(from, to);
    else await nodeFs("linking a file").promises.link(from, to);
  } catch (error) {
    throw explainPermission(error, `link ${to}`, write(to));
  }
}

/** What {@linkcode stat} tells about a file. */
export interface FileStat {
  /** Last modification, epoch ms (undefined where the platform has none). */
  mtimeMs: number | undefined;
  /** Whether it is a regular file. */
  isFile: boolean;
  /** Whether it is a symbolic link (only from `lstat`). */
  isSymlink: boolean;
  /** The owner's user id (undefined on Windows). */
  uid: number | undefined;
  /** The inode number (undefined on Windows). */
  ino: number | undefined;
  /** The device (undefined on Windows). */
  dev: number | undefined;
}

/**
 * Facts about a file; with `lstat: true`, about a symbolic link itself.
 *
 * @example
 * ```ts
 * import { stat } from "./files.ts";
 * console.assert(!((await stat("/etc/hostname")).isSymlink));
 * ```
 */
export async function stat(path: string, options: { lstat?: boolean } = {}): Promise<FileStat> {
  const deno = denoNamespace();
  try {
    if (deno) {
      const info = options.lstat ? await deno.lstat(path) : await deno.stat(path);
      return {
        mtimeMs: info.mtime?.getTime(),
        isFile: info.isFile,
        isSymlink: info.isSymlink,
        uid: info.uid ?? undefined,
        ino: info.ino ?? undefined,
        dev: info.dev ?? undefined,
      };
    }
    const fs = nodeFs("reading file facts").promises;
    const info = options.lstat ? await fs.lstat(path) : await fs.stat(path);
    const windows = nodeProcess()?.platform === "win32";
    return {
      mtimeMs: info.mtimeMs,
      isFile: info.isFile(),
      isSymlink: info.isSymbolicLink(),
      uid: windows ? undefined : info.uid,
      ino: windows ? undefined : info.ino,
      dev: windows ? undefined : info.dev,
    };
  } catch (error) {
    throw explainPermission(error, `read ${path}`, read(path));
  }
}

/**
 * This process's user id, or undefined where there is none (Windows) or Deno
 * may not tell (no `--allow-sys=uid`).
 *
 * @example
 * ```ts
 * import { userId } from "./files.ts";
 * console.assert(userId() === undefined || userId()! >= 0);
 * ```
 */
export function userId(): number | undefined {
  const deno = denoNamespace();
  try {
    if (deno) return deno.uid() ?? undefined;
    return (nodeProcess() as { getuid?: () => number } | undefined)?.getuid?.();
  } catch {
    return undefined;
  }
}

/**
 * A file's size and its bytes as a stream (closed when the stream ends or is
 * cancelled), for uploads.
 *
 * @example
 * ```ts
 * import { openFileStream } from "./files.ts";
 * const { size, stream } = await openFileStream("/etc/hostname");
 * console.assert(size === (await new Response(stream).bytes()).length);
 * ```
 */
export async function openFileStream(
  path: string,
): Promise<{ size: number; stream: ReadableStream<Uint8Array>; close(): void }> {
  const deno = denoNamespace();
  try {
    if (deno) {
      const file = await deno.open(path, { read: true });
      const size = (await file.stat()).size;
      const close = () => {
        try {
          file.close();
        } catch {
          // Already closed by the end of its readable stream.
        }
      };
      return { size, stream: file.readable, close };
    }
    const handle = await nodeFs("reading a file").promises.open(path, "r");
    const size = (await handle.stat()).size;
    let closed = false;
    const close = () => {
      if (!closed) handle.close().catch(() => {});
      closed = true;
    };
    const stream = new ReadableStream<Uint8Array>({
      type: "bytes",
      async pull(controller) {
        const buffer = new Uint8Array(64 * 1024);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) {
          close();
          controller.close();
        } else {
          controller.enqueue(buffer.subarray(0, bytesRead));
        }
      },
      cancel: close,
    });
    return { size, stream, close };
  } catch (error) {
    throw explainPermission(error, `read ${path}`, read(path));
  }
}

/**
 * This process's id.
 *
 * @example
 * ```ts
 * import { processId } from "./files.ts";
 * console.assert(processId() > 0);
 * ```
 */
export function processId(): number {
  return denoNamespace()?.pid ?? nodeProcess()?.pid ?? 0;
}
