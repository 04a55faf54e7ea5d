// Reading a file that a workspace, a setting or a link may have made anything: only a regular file is read, and
// never more than a limit, whatever `stat` said. Opened without blocking: opening a FIFO for reading waits for a
// writer, and reading /dev/stdin or /proc/kmsg waits for data, either of which would hold a thread-pool thread (four
// of them stall every later file operation of the process) or the caller's thread forever. O_NONBLOCK makes those
// fail at once, and means nothing for a regular file. Devices report a size of 0, so the read itself is bounded.
import fs from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/** The bytes of a regular file, or why it was not read. */
export type RegularRead = { bytes: Buffer; problem?: undefined } | { bytes?: undefined; problem: string };

// O_NONBLOCK and O_NOCTTY are POSIX; Windows has neither (and no FIFOs or devices to open by path), so 0 there.
export const SAFE_READ_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0) | (fs.constants.O_NOCTTY ?? 0);

/** Reads `path` if it is a regular file of at most `maxBytes` bytes (links followed). */
export async function readRegularFile(path: string, maxBytes: number): Promise<RegularRead> {
  let handle: FileHandle;
  try {
    handle = await fs.promises.open(path, SAFE_READ_FLAGS);
  } catch (error) {
    return { problem: describeFileError(error) };
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) return { problem: notRegular(stats) };
    let buffer = firstBuffer(stats.size, maxBytes);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { problem: tooLarge(maxBytes) };
        buffer = grown(buffer, maxBytes);
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) return { bytes: buffer.subarray(0, length) };
      length += bytesRead;
    }
  } catch (error) {
    return { problem: describeFileError(error) };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

// One byte more than the file's stated size (and at most one past the limit): a read that fills it has found that
// the file is larger than `stat` said (a device says 0), and goes on into a grown buffer until the limit.
function firstBuffer(size: number, maxBytes: number): Buffer {
  return Buffer.allocUnsafe(Math.min(size, maxBytes) + 1);
}

function grown(buffer: Buffer, maxBytes: number): Buffer {
  const larger = Buffer.allocUnsafe(Math.min(Math.max(2 * buffer.length, 64 << 10), maxBytes + 1));
  buffer.copy(larger);
  return larger;
}

/** readRegularFile on the calling thread, for the small files read where no promise can be awaited. */
export function readRegularFileSync(path: string, maxBytes: number): RegularRead {
  let descriptor: number;
  try {
    descriptor = fs.openSync(path, SAFE_READ_FLAGS);
  } catch (error) {
    return { problem: describeFileError(error) };
  }
  try {
    const stats = fs.fstatSync(descriptor);
    if (!stats.isFile()) return { problem: notRegular(stats) };
    let buffer = firstBuffer(stats.size, maxBytes);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { problem: tooLarge(maxBytes) };
        buffer = grown(buffer, maxBytes);
      }
      const read = fs.readSync(descriptor, buffer, length, buffer.length - length, length);
      if (read === 0) return { bytes: buffer.subarray(0, length) };
      length += read;
    }
  } catch (error) {
    return { problem: describeFileError(error) };
  } finally {
    fs.closeSync(descriptor);
  }
}

/** What stat and a folder listing both tell about an entry's kind. */
export type FileKind = Pick<fs.Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice'>;

/** Why a file found by stat is not a regular file, in a writer's words. */
export function notRegular(stats: FileKind): string {
  if (stats.isDirectory()) return 'is a folder, not a file';
  if (stats.isFIFO()) return 'is a named pipe (FIFO), not a regular file';
  if (stats.isSocket()) return 'is a socket, not a regular file';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, not a regular file';
  return 'is not a regular file';
}

/** `size`: the file's size if known, else (read to one past the limit) undefined. */
export function tooLarge(maxBytes: number, size?: number): string {
  const shown = size === undefined ? `more than ${maxBytes.toLocaleString('en')}` : size.toLocaleString('en');
  return `too large (${shown} bytes; the limit is ${maxBytes.toLocaleString('en')})`;
}

export function describeFileError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'not a folder';
  if (code === 'ELOOP') return 'a symbolic link that loops';
  if (code === 'EAGAIN' || code === 'EWOULDBLOCK') return 'not a regular file (reading it would wait for data)';
  if (code === 'EISDIR') return 'is a folder, not a file';
  return error instanceof Error ? error.message : String(error);
}
