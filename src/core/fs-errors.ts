/** File-system errors in words: what a person sees instead of a bare errno code or a stack trace. */

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EXDEV: 'the temporary file and the target are on different file systems',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of its path is not a folder',
  ELOOP: 'too many levels of symbolic links',
  EIO: 'an input/output error',
  ENAMETOOLONG: 'the path is too long',
  EMFILE: 'too many open files',
};

/** Why a file-system call failed, with the code for searching: "permission denied (EACCES)". */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === undefined) return String((error as Error)?.message ?? error);
  return `${REASONS[code] ?? 'the file system refused'} (${code})`;
}
