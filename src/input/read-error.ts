/** One sentence for why a file could not be read, from a Node error. */
export function describeReadError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e?.code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EISDIR': return 'is a directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'too many symbolic links';
    case 'ENAMETOOLONG': return 'file name too long';
    case 'ENOSPC': return 'no space left on device';
    case 'EDQUOT': return 'disk quota exceeded';
    case 'EIO': return 'input/output error';
    case 'EROFS': return 'read-only file system';
    case 'Z_BUF_ERROR': return 'truncated gzip data (unexpected end of file)';
    case 'Z_DATA_ERROR': return `corrupt gzip data (${e.message})`;
    default:
      if (e?.message === 'unexpected end of file') return 'truncated gzip data (unexpected end of file)';
      return e?.message ?? String(err);
  }
}
