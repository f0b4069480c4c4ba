/* waymark-file-writer.h: the one way Waymark writes a file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Every file Waymark writes (documents from the window and the command
 * line, drafts, every export, CSV) goes through a WaymarkFileWriter, so
 * that whatever happens during the write (a full disk, a kill -9, a
 * failing device) the file on disk is afterwards the complete old file or
 * the complete new one:
 *
 *  - symlinks are followed to their final target, which is replaced and
 *    the links kept;
 *  - the new content goes to a temporary file in the target's directory
 *    (unnamed while it is written, where the file system allows it, so a
 *    killed process leaves nothing behind);
 *  - every write is checked, the file is synced, given the old file's
 *    mode and owner, renamed over the target, and the directory synced;
 *  - on any failure the temporary file is removed, the old file is left
 *    as it was, and the GError (G_IO_ERROR) says why.
 *
 * Error messages are the reason alone ("No space left on device"); the
 * caller names the file in the way its user expects. */
typedef struct _WaymarkFileWriter WaymarkFileWriter;

/* Starts writing @path (or @file, which must have a local path). Fails
 * when the target cannot be written at all: its directory is missing or
 * read-only, it is a directory or a device, the links loop. */
WaymarkFileWriter *waymark_file_writer_new_for_path (const char          *path,
                                                     GError             **error);
WaymarkFileWriter *waymark_file_writer_new          (GFile               *file,
                                                     GError             **error);

/* Appends @size bytes. After the first failure every later write and the
 * commit fail with the same error. */
gboolean           waymark_file_writer_write        (WaymarkFileWriter   *writer,
                                                     const void          *data,
                                                     gsize                size,
                                                     GError             **error);

/* Whether a write has failed (its error is what the commit returns). */
gboolean           waymark_file_writer_has_failed   (WaymarkFileWriter   *writer);

/* Makes the new content the file: sync, rename over the target, sync the
 * directory. On failure the old file is untouched and no temporary file
 * is left. The writer is done either way; free it afterwards. */
gboolean           waymark_file_writer_commit       (WaymarkFileWriter   *writer,
                                                     GError             **error);

/* Frees the writer; when it was not committed, the write is abandoned and
 * the temporary file removed. */
void               waymark_file_writer_free         (WaymarkFileWriter   *writer);

/* The final target that is replaced (symlinks resolved). */
const char        *waymark_file_writer_get_target   (WaymarkFileWriter   *writer);

/* Writes @bytes to @file with a WaymarkFileWriter, in one call. */
gboolean           waymark_file_write_bytes         (GFile               *file,
                                                     GBytes              *bytes,
                                                     GError             **error);

/* The SHA-256 of a file's content as it is on disk now, or of @bytes:
 * what the window compares to notice that another program changed a file,
 * which an mtime or size check misses (`cp -p`, `rsync -t`, `touch -r`).
 * A file that does not exist gives NULL with G_IO_ERROR_NOT_FOUND. */
char              *waymark_file_compute_checksum    (GFile               *file,
                                                     GError             **error);
char              *waymark_bytes_compute_checksum   (GBytes              *bytes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkFileWriter, waymark_file_writer_free)

G_END_DECLS
