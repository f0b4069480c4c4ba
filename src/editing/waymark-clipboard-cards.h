/* waymark-clipboard-cards.h: cards on the clipboard, as XML and as text
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "waymark-document.h"

G_BEGIN_DECLS

/* GTK-free: the clipboard widget code only moves these bytes around.
 *
 * Copied cards travel as a small XML fragment in the document's namespace:
 *
 *   <cards xmlns="urn:waymark:document" version="1">
 *     <card lane-kind="actions" lane-offset="0" phase-offset="1" span="2" color="#ffeeaa">
 *       <text>…</text>
 *       <tag name="Afbakening" color="#8e5ea2"/>
 *       <evidence>…</evidence>
 *     </card>
 *   </cards>
 *
 * Lanes and phases are given relative to the first copied card, so that a
 * group of cards keeps its shape when pasted into another cell, persona or
 * window; tags travel by name, so a window without that tag gets it. */
#define WAYMARK_CLIPBOARD_MIME_TYPE "application/x-waymark-cards"

/* Pastes larger than this are refused (a map has hundreds of cards). */
#define WAYMARK_CLIPBOARD_MAX_SIZE (4 * 1024 * 1024)

typedef struct {
  WaymarkLaneKind lane_kind;
  int             lane_offset;
  int             phase_offset;
  int             span;
  char           *text;
  char           *color;
  char           *evidence;
  GStrv           tag_names;
  GStrv           tag_colors;
} WaymarkClipboardCard;

/* An array of WaymarkClipboardCard*, owning them. */
typedef GPtrArray WaymarkClipboardCards;

void                   waymark_clipboard_card_free    (WaymarkClipboardCard *card);

/* The cards of @card_ids (unknown ids are skipped), in the order of the
 * map: by lane, phase and position. NULL when none is known. */
WaymarkClipboardCards *waymark_clipboard_cards_from_document (WaymarkDocument    *document,
                                                              const char * const *card_ids);
/* The XML fragment. */
GBytes                *waymark_clipboard_cards_serialize     (WaymarkClipboardCards *cards);
/* The cards' texts, one per line (a card's own line breaks become spaces,
 * so that pasting the text back gives the same cards). */
char                  *waymark_clipboard_cards_to_text       (WaymarkClipboardCards *cards);
/* Parses the XML fragment; NULL with @error set on anything but a
 * well-formed, DTD-free <cards> element with at least one card. */
WaymarkClipboardCards *waymark_clipboard_cards_parse         (GBytes             *bytes,
                                                              GError            **error);
/* One card per non-blank line of @text; NULL when there is none. */
WaymarkClipboardCards *waymark_clipboard_cards_from_text     (const char         *text);

/* Inserts the cards with the first one at @position in the cell @lane_id,
 * @phase_id of @persona_id, as one undo step ("Paste Cards"). Returns the
 * new card ids (owned by the document; free the array). A paste that
 * would pass one of the model's limits (waymark-limits.h: cards, tags,
 * text length) changes nothing and returns NULL with @error set
 * (WAYMARK_FORMAT_ERROR_TOO_LARGE, a message naming the limit). */
GPtrArray             *waymark_clipboard_cards_paste         (WaymarkClipboardCards *cards,
                                                              WaymarkDocument    *document,
                                                              const char         *persona_id,
                                                              const char         *lane_id,
                                                              const char         *phase_id,
                                                              int                 position,
                                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkClipboardCard, waymark_clipboard_card_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (WaymarkClipboardCards, g_ptr_array_unref)

G_END_DECLS
