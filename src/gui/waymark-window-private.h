/* waymark-window-private.h: what the window's source files share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "waymark-canvas.h"
#include "waymark-document.h"
#include "waymark-find-bar.h"
#include "waymark-inspector.h"
#include "waymark-link-targets.h"
#include "waymark-overview-view.h"
#include "waymark-recommendations-view.h"
#include "waymark-sidebar.h"
#include "waymark-window.h"

G_BEGIN_DECLS

struct _WaymarkWindow
{
  AdwApplicationWindow  parent_instance;

  WaymarkDocument      *document;
  GFile                *file;          /* NULL while untitled */
  /* The tooltip of the icon-only button the keyboard is on, which GTK
   * shows only to the pointer. */
  GtkWidget            *focus_tip;
  /* SHA-256 of the file's content as we last read or wrote it: another
   * program's change is noticed by content, which an mtime misses. */
  char                 *disk_checksum;
  GFileMonitor         *monitor;
  char                 *persona_id;    /* the persona shown; NULL without personas */

  /* Drafts: a copy of unsaved work, written a few seconds after each change. */
  char                 *draft_id;
  guint                 draft_timeout_id;
  guint                 autosave_timeout_id;  /* saving to the file itself */
  /* Restored from a draft: modified compared to the file even though the
   * history has no steps yet. Cleared by saving. */
  guint                 restored_draft : 1;
  guint                 changed_on_disk : 1;
  /* The close request was confirmed (saved or discarded): close for real. */
  guint                 close_confirmed : 1;
  /* The application's settings are applied (once it is set). */
  guint                 settings_applied : 1;
  /* The canvas follows the application's palette preference. */
  guint                 palette_bound : 1;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  AdwSplitButton       *open_button;
  GtkButton            *undo_button;
  GtkButton            *redo_button;
  GtkWidget            *zoom_box;
  GtkLabel             *zoom_label;
  GtkRevealer          *changed_revealer;
  AdwFlap              *flap;
  GtkWidget            *sidebar_stack; /* the sidebar, or the link targets during a drag */
  WaymarkSidebar       *sidebar;
  WaymarkLinkTargets   *link_targets;
  GtkWidget            *map_area;      /* find bar, map and overview */
  WaymarkFindBar       *find_bar;
  WaymarkCanvas        *canvas;
  WaymarkInspector     *inspector;
  /* In the sidebar, above the personas: the views of the whole document. */
  GtkWidget            *view_entries;
  GtkWidget            *overview_entry;
  GtkWidget            *recommendations_entry;
  GtkLabel             *recommendations_count;
  /* Over the map while the cards of a recommendation are highlighted. */
  GtkWidget            *spotlight_bar;
  GtkLabel             *spotlight_label;
  /* One of these four is shown in the map's place. */
  GtkWidget            *map_view;      /* the canvas's scrolled window */
  GtkWidget            *overview;      /* the overview of all personas */
  WaymarkRecommendationsView *recommendations;
  GtkWidget            *empty_page;    /* without personas: what to do first */
};

/* waymark-window.c: the title, actions and draft follow the history. */
void     _waymark_window_state_changed      (WaymarkWindow      *self);
/* Shows or hides the "changed by another program" bar. */
void     _waymark_window_show_changed_bar   (WaymarkWindow      *self,
                                             gboolean            show);
/* The page shown in the map's place: the canvas, the overview, the
 * recommendations or the empty state; F6 moves the keyboard there. */
GtkWidget *_waymark_window_get_content_pane (WaymarkWindow      *self);

/* waymark-window-recommendations.c: the recommendations view, the
 * highlight of a recommendation's cards and linking cards by dragging. */
void     _waymark_window_recommendations_init (WaymarkWindow    *self);
void     _waymark_window_class_recommendations_init (WaymarkWindowClass *klass);
/* What the inspector shows follows the page: the recommendation or domain
 * chosen in the recommendations view, otherwise the canvas's object. */
void     _waymark_window_update_inspected   (WaymarkWindow      *self);
/* The highlight of the chosen recommendation's cards, everywhere. */
void     _waymark_window_update_spotlight   (WaymarkWindow      *self);

/* waymark-window-panes.c: the editor. actions (panes, find, new persona) */
void     _waymark_window_class_panes_init   (WaymarkWindowClass *klass);
void     _waymark_window_panes_init         (WaymarkWindow      *self);

/* waymark-window-actions.c */
void     _waymark_window_class_actions_init (WaymarkWindowClass *klass);
/* Computes the enabled state of every win. action; the one place that does. */
void     _waymark_window_actions_update     (WaymarkWindow      *self);
/* The zoom a map opens at and Ctrl+0 returns to: 100 % times the
 * desktop's text scaling ("Large Text" is 1.25), so that the map's text
 * grows with the rest of the text on the screen. */
double   _waymark_window_get_default_zoom   (WaymarkWindow      *self);
void     _waymark_window_update_recent_menu (WaymarkWindow      *self);

/* waymark-window-files.c */
void     _waymark_window_files_init         (WaymarkWindow      *self);
void     _waymark_window_files_dispose      (WaymarkWindow      *self);
void     _waymark_window_connect_settings   (WaymarkWindow      *self);
void     _waymark_window_open_dialog        (WaymarkWindow      *self);
void     _waymark_window_save               (WaymarkWindow      *self,
                                             gboolean            save_as,
                                             GCallback           done_cb,
                                             gpointer            done_data);
void     _waymark_window_reload             (WaymarkWindow      *self);
void     _waymark_window_schedule_draft     (WaymarkWindow      *self);
void     _waymark_window_remove_draft       (WaymarkWindow      *self);
void     _waymark_window_watch_file         (WaymarkWindow      *self);
gboolean _waymark_window_close_request      (WaymarkWindow      *self);

/* Called with TRUE when the document was saved, FALSE on cancel or error. */
typedef void (*WaymarkSaveDoneFunc) (WaymarkWindow *self,
                                     gboolean       saved,
                                     gpointer       user_data);

G_END_DECLS
