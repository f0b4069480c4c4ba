/* waymark-drafts.h: copies of unsaved work that survive a crash
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* A draft is two files in the drafts directory: ID.waymark, the document
 * as it was, and ID.ini, where it came from and which process wrote it.
 * A draft whose process is gone was left by a crash or a kill. */
typedef struct {
  char      *id;
  GFile     *content;      /* ID.waymark */
  GFile     *original;     /* the document's own file, or NULL if untitled */
  char      *original_checksum; /* of @original's content the draft was based on, or NULL */
  char      *title;        /* the document title, for the restore dialog */
  GDateTime *saved;        /* when the draft was written */
} WaymarkDraft;

void          waymark_draft_free        (WaymarkDraft *draft);

/* g_get_user_data_dir()/waymark/drafts. */
char         *waymark_drafts_get_dir    (void);

/* A fresh draft id. */
char         *waymark_drafts_new_id     (void);

/* Writes (replaces) the draft @id atomically. @original_checksum is the
 * checksum of @original as the window last read or wrote it (NULL when
 * unknown), so that a restored draft still notices a file that another
 * program changed since. */
gboolean      waymark_drafts_save       (const char  *id,
                                         GBytes      *content,
                                         GFile       *original,
                                         const char  *original_checksum,
                                         const char  *title,
                                         GError     **error);

/* Marks draft @id as belonging to this process (after restoring it). */
void          waymark_drafts_adopt      (const char  *id);

/* Deletes draft @id; nothing happens when there is none. */
void          waymark_drafts_remove     (const char  *id);

/* The drafts whose writing process is no longer running, oldest first;
 * a GPtrArray of WaymarkDraft. */
GPtrArray    *waymark_drafts_list_orphaned (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkDraft, waymark_draft_free)

G_END_DECLS
