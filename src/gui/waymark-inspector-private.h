/* waymark-inspector-private.h: what the inspector's source files share
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "waymark-inspector.h"

G_BEGIN_DECLS

struct _WaymarkInspector
{
  GtkWidget        parent_instance;

  WaymarkDocument *document;
  char            *object_id;
  char            *built_key;    /* what the current widgets show */

  GtkWidget       *scrolled;
  GtkWidget       *box;
  GPtrArray       *fields;       /* Field* */
  gboolean         syncing;
};

typedef enum {
  FIELD_ENTRY,      /* AdwEntryRow */
  FIELD_TEXT,       /* GtkTextView */
  FIELD_COLOR,      /* AdwActionRow: "Default" or a swatch, a chooser and a reset */
  FIELD_TAG_COLOR,  /* GtkColorButton: a tag always has a colour */
  FIELD_KIND,       /* AdwComboRow of lane kinds */
  FIELD_SPIN,       /* GtkSpinButton */
  FIELD_TAG_CHECK,  /* GtkCheckButton: a tag on the card */
  FIELD_BUTTON,     /* a button acting on object_id */
  FIELD_LANGUAGE,   /* AdwComboRow of the document's language */
  FIELD_CHOICE,     /* AdwComboRow whose position is the value: a status, a score */
  FIELD_DOMAIN,     /* AdwComboRow of the document's domains, "No Domain" first */
  FIELD_LIST,       /* GtkTextView: a list of a persona's profile, one item a line */
} FieldType;

typedef struct {
  WaymarkInspector *inspector;
  FieldType         type;
  char             *object_id;   /* NULL: the document */
  WaymarkField      field;
  char             *tag_id;
  GtkWidget        *widget;
  /* FIELD_COLOR: the colour shown, the swatch in the chooser button and
   * the icon shown instead while the colour is the default one. */
  GdkRGBA           rgba;
  gboolean          has_color;
  GtkWidget        *swatch;
  GtkWidget        *default_icon;
  GtkWidget        *reset;
  /* FIELD_LANGUAGE: a tag other than the offered ones, listed after
   * them for as long as the page stands, so that choosing English does
   * not lose "nl-BE" for good. */
  char             *other_language;
  /* The signal handlers that point at this field, disconnected when it
   * goes: a focused text view reports leaving the focus when its window
   * goes, after the page that made it was rebuilt. */
  GPtrArray        *connections;     /* of Connection (a GWeakRef must not move) */
} Field;

/* A row of a page: a field of the inspected object, titled @title
 * (untranslated, N_()). */
typedef struct {
  FieldType     type;    /* FIELD_ENTRY, _TEXT, _COLOR, _KIND, _SPIN, _LANGUAGE, _CHOICE,
                          * _DOMAIN or _LIST */
  const char   *title;
  WaymarkField  field;   /* for _ENTRY, _TEXT, _SPIN, _CHOICE and _LIST */
} WaymarkInspectorRow;

/* waymark-inspector-fields.c: the rows of a page, each appended to
 * @group, an AdwPreferencesGroup, and recorded as a field. */
void       _waymark_inspector_field_free      (Field            *field);
/* A group headed @title, appended to the panel. */
GtkWidget *_waymark_inspector_group_new       (WaymarkInspector *self,
                                               const char       *title);
/* The field @row of @object_id (NULL: the document). */
void       _waymark_inspector_add_row         (WaymarkInspector          *self,
                                               GtkWidget                 *group,
                                               const char                *object_id,
                                               const WaymarkInspectorRow *row);
void       _waymark_inspector_tag_check_row   (WaymarkInspector *self,
                                               GtkWidget        *group,
                                               const char       *card_id,
                                               WaymarkTag       *tag);
void       _waymark_inspector_tag_row         (WaymarkInspector *self,
                                               GtkWidget        *group,
                                               WaymarkTag       *tag);
/* A button that adds a tag to the document and puts the focus on its name. */
GtkWidget *_waymark_inspector_tag_add_button  (WaymarkInspector *self);
/* Fills the fields from the document, leaving alone the one being typed in. */
void       _waymark_inspector_sync_fields     (WaymarkInspector *self);
/* Keeps what is being typed in the field that has the keyboard, before
 * its page goes. */
void       _waymark_inspector_commit_focused  (WaymarkInspector *self);

G_END_DECLS
