/* kill-at-write.c: an LD_PRELOAD shim that kills its process at the Nth
 * system call that changes a file in one directory
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With this shim preloaded, a save (from the window, or a CLI command)
 * can be killed with SIGKILL just before each of its writes in turn, not
 * at a random moment: the test first runs the save with the shim only
 * counting, then once for every N from 1 to that count. tests/test-save-
 * faults.c checks after every kill that the file is the old one or the
 * new one, whole.
 *
 *   WAYMARK_KILL_DIR=DIR     only calls on files in DIR (and DIR itself) count
 *   WAYMARK_KILL_AT=N        SIGKILL just before the Nth such call; 0: never
 *   WAYMARK_KILL_LOG=FILE    at exit, append the calls counted, one per line
 *
 * Counted: write, pwrite, writev, ftruncate, fsync, fdatasync, fchmod,
 * fchown, link, linkat, rename, renameat, renameat2, unlink, unlinkat, and
 * open/openat that create or truncate. Calls through glibc's PLT only
 * (GLib, GIO, libxml2, cairo and Waymark all call them that way).
 */
/* Both names of each call are defined below (open and open64, ...); with
 * 64-bit file offsets the headers would make them the same symbol. */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

static char watched[PATH_MAX];
static size_t watched_len;
static long kill_at;
static long counted;
static char log_path[PATH_MAX];
static char calls[4096];

__attribute__ ((constructor)) static void
init (void)
{
  const char *dir = getenv ("WAYMARK_KILL_DIR");
  const char *at = getenv ("WAYMARK_KILL_AT");
  const char *log = getenv ("WAYMARK_KILL_LOG");

  if (dir != NULL && realpath (dir, watched) != NULL)
    watched_len = strlen (watched);
  kill_at = at != NULL ? strtol (at, NULL, 10) : 0;
  if (log != NULL)
    snprintf (log_path, sizeof log_path, "%s", log);
}

__attribute__ ((destructor)) static void
finish (void)
{
  FILE *out;

  if (log_path[0] == '\0' || (out = fopen (log_path, "a")) == NULL)
    return;
  fprintf (out, "%ld%s", counted, calls);
  fclose (out);
}

static int
in_watched_dir (const char *path)
{
  if (watched_len == 0 || strncmp (path, watched, watched_len) != 0)
    return 0;
  return path[watched_len] == '\0' || path[watched_len] == '/';
}

/* The path of @fd, including an O_TMPFILE's "DIR/#123 (deleted)". */
static int
fd_in_watched_dir (int fd)
{
  char link[64], target[PATH_MAX];
  ssize_t n;

  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  n = readlink (link, target, sizeof target - 1);
  if (n < 0)
    return 0;
  target[n] = '\0';
  return in_watched_dir (target);
}

static int
at_in_watched_dir (int         dirfd,
                   const char *path)
{
  char full[2 * PATH_MAX + 2], dir[PATH_MAX];
  char link[64];
  ssize_t n;

  if (path == NULL)
    return 0;
  if (path[0] == '/')
    return in_watched_dir (path);
  if (dirfd == AT_FDCWD)
    {
      if (getcwd (dir, sizeof dir) == NULL)
        return 0;
    }
  else
    {
      snprintf (link, sizeof link, "/proc/self/fd/%d", dirfd);
      n = readlink (link, dir, sizeof dir - 1);
      if (n < 0)
        return 0;
      dir[n] = '\0';
    }
  snprintf (full, sizeof full, "%s/%s", dir, path);
  return in_watched_dir (full);
}

static void
count (const char *name,
       int         watched_call)
{
  size_t used;

  if (!watched_call)
    return;
  counted++;
  used = strlen (calls);
  snprintf (calls + used, sizeof calls - used, " %s", name);
  if (kill_at > 0 && counted == kill_at)
    kill (getpid (), SIGKILL);
}

#define REAL(name) \
  static __typeof__ (name) *real; \
  if (real == NULL) \
    real = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name)

ssize_t
write (int fd, const void *buf, size_t n)
{
  REAL (write);
  count ("write", fd > 2 && fd_in_watched_dir (fd));
  return real (fd, buf, n);
}

ssize_t
pwrite64 (int fd, const void *buf, size_t n, off_t offset)
{
  REAL (pwrite64);
  count ("pwrite", fd_in_watched_dir (fd));
  return real (fd, buf, n, offset);
}

ssize_t
writev (int fd, const struct iovec *iov, int n)
{
  REAL (writev);
  count ("writev", fd > 2 && fd_in_watched_dir (fd));
  return real (fd, iov, n);
}

ssize_t
pwrite (int fd, const void *buf, size_t n, off_t offset)
{
  return pwrite64 (fd, buf, n, offset);
}

int
ftruncate64 (int fd, off_t length)
{
  REAL (ftruncate64);
  count ("ftruncate", fd_in_watched_dir (fd));
  return real (fd, length);
}

int
ftruncate (int fd, off_t length)
{
  return ftruncate64 (fd, length);
}

int
fsync (int fd)
{
  REAL (fsync);
  count ("fsync", fd_in_watched_dir (fd));
  return real (fd);
}

int
fdatasync (int fd)
{
  REAL (fdatasync);
  count ("fdatasync", fd_in_watched_dir (fd));
  return real (fd);
}

int
fchmod (int fd, mode_t mode)
{
  REAL (fchmod);
  count ("fchmod", fd_in_watched_dir (fd));
  return real (fd, mode);
}

int
fchown (int fd, uid_t owner, gid_t group)
{
  REAL (fchown);
  count ("fchown", fd_in_watched_dir (fd));
  return real (fd, owner, group);
}

int
link (const char *from, const char *to)
{
  REAL (link);
  count ("link", in_watched_dir (to) || at_in_watched_dir (AT_FDCWD, to));
  return real (from, to);
}

int
linkat (int fromfd, const char *from, int tofd, const char *to, int flags)
{
  REAL (linkat);
  count ("linkat", at_in_watched_dir (tofd, to));
  return real (fromfd, from, tofd, to, flags);
}

int
rename (const char *from, const char *to)
{
  REAL (rename);
  count ("rename", at_in_watched_dir (AT_FDCWD, to));
  return real (from, to);
}

int
renameat (int fromfd, const char *from, int tofd, const char *to)
{
  REAL (renameat);
  count ("renameat", at_in_watched_dir (tofd, to));
  return real (fromfd, from, tofd, to);
}

int
renameat2 (int fromfd, const char *from, int tofd, const char *to, unsigned int flags)
{
  REAL (renameat2);
  count ("renameat2", at_in_watched_dir (tofd, to));
  return real (fromfd, from, tofd, to, flags);
}

int
unlink (const char *path)
{
  REAL (unlink);
  count ("unlink", at_in_watched_dir (AT_FDCWD, path));
  return real (path);
}

int
unlinkat (int dirfd, const char *path, int flags)
{
  REAL (unlinkat);
  count ("unlinkat", at_in_watched_dir (dirfd, path));
  return real (dirfd, path, flags);
}

/* Opening with O_CREAT or O_TRUNC changes the directory or the file. */
static int
creates (int flags)
{
  return (flags & (O_CREAT | O_TRUNC)) != 0 || (flags & O_TMPFILE) == O_TMPFILE;
}

int
open64 (const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;

  REAL (open64);
  va_start (args, flags);
  if (creates (flags))
    mode = va_arg (args, mode_t);
  va_end (args);
  count ("open", creates (flags) && at_in_watched_dir (AT_FDCWD, path));
  return real (path, flags, mode);
}

int
openat64 (int dirfd, const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;

  REAL (openat64);
  va_start (args, flags);
  if (creates (flags))
    mode = va_arg (args, mode_t);
  va_end (args);
  count ("openat", creates (flags) && at_in_watched_dir (dirfd, path));
  return real (dirfd, path, flags, mode);
}

int
open (const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;

  va_start (args, flags);
  if (creates (flags))
    mode = va_arg (args, mode_t);
  va_end (args);
  return open64 (path, flags, mode);
}

int
openat (int dirfd, const char *path, int flags, ...)
{
  mode_t mode = 0;
  va_list args;

  va_start (args, flags);
  if (creates (flags))
    mode = va_arg (args, mode_t);
  va_end (args);
  return openat64 (dirfd, path, flags, mode);
}
