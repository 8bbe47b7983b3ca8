// File-system error codes in words, for the one-line messages of unreadable files and folders.

/** A file-system error in words: `permission denied`, `too many levels of symbolic links`. */
export function describeErrno(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  return (code !== undefined && errnoWords[code]) || code || String(error)
}

const errnoWords: Readonly<Record<string, string>> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'not a directory',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'input/output error (a failing disk, or a file the system cannot read as data)',
  ENXIO: 'not a regular file (a socket or a device with nothing behind it)',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  ETIMEDOUT: 'timed out (a network drive?)',
  ESTALE: 'stale network file handle',
}
