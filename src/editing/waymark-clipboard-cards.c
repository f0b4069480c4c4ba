/* waymark-clipboard-cards.c: cards on the clipboard, as XML and as text
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/tree.h>

#include "waymark-clipboard-cards.h"
#include "waymark-error.h"
#include "waymark-format-fragment.h"
#include "waymark-format.h"
#include "waymark-limits.h"

void
waymark_clipboard_card_free (WaymarkClipboardCard *card)
{
  if (card == NULL)
    return;
  g_free (card->text);
  g_free (card->color);
  g_free (card->evidence);
  g_strfreev (card->tag_names);
  g_strfreev (card->tag_colors);
  g_free (card);
}

static WaymarkClipboardCard *
clipboard_card_new (void)
{
  WaymarkClipboardCard *card = g_new0 (WaymarkClipboardCard, 1);

  card->lane_kind = WAYMARK_LANE_NOTES;
  card->span = 1;
  card->text = g_strdup ("");
  card->color = g_strdup ("");
  card->evidence = g_strdup ("");
  card->tag_names = g_new0 (char *, 1);
  card->tag_colors = g_new0 (char *, 1);
  return card;
}

static WaymarkClipboardCards *
cards_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_clipboard_card_free);
}

typedef struct {
  WaymarkCard *card;
  int          lane;
  int          phase;
  int          position;
} SortedCard;

static int
compare_sorted (gconstpointer a,
                gconstpointer b)
{
  const SortedCard *x = a, *y = b;

  if (x->lane != y->lane)
    return x->lane - y->lane;
  if (x->phase != y->phase)
    return x->phase - y->phase;
  return x->position - y->position;
}

WaymarkClipboardCards *
waymark_clipboard_cards_from_document (WaymarkDocument    *document,
                                       const char * const *card_ids)
{
  g_autoptr(GArray) sorted = g_array_new (FALSE, FALSE, sizeof (SortedCard));
  WaymarkPersona *persona = NULL;
  WaymarkClipboardCards *cards;
  const SortedCard *first;

  if (card_ids == NULL)
    return NULL;
  for (guint i = 0; card_ids[i] != NULL; i++)
    {
      WaymarkCard *card = waymark_document_find_card (document, card_ids[i]);
      SortedCard s;

      /* Offsets only mean something within one persona. */
      if (card == NULL || (persona != NULL && card->persona != persona))
        continue;
      persona = card->persona;
      s.card = card;
      s.lane = waymark_persona_lane_index (persona, card->lane_id);
      s.phase = waymark_persona_phase_index (persona, card->phase_id);
      s.position = waymark_persona_card_position (persona, card->base.id);
      g_array_append_val (sorted, s);
    }
  if (sorted->len == 0)
    return NULL;
  g_array_sort (sorted, compare_sorted);

  cards = cards_new ();
  first = &g_array_index (sorted, SortedCard, 0);
  for (guint i = 0; i < sorted->len; i++)
    {
      const SortedCard *s = &g_array_index (sorted, SortedCard, i);
      WaymarkClipboardCard *clip = clipboard_card_new ();
      WaymarkLane *lane = waymark_persona_find_lane (persona, s->card->lane_id);
      g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) colors = g_strv_builder_new ();

      clip->lane_kind = lane->kind;
      clip->lane_offset = s->lane - first->lane;
      clip->phase_offset = s->phase - first->phase;
      clip->span = s->card->span;
      g_free (clip->text);
      clip->text = g_strdup (s->card->text);
      g_free (clip->color);
      clip->color = g_strdup (s->card->color);
      g_free (clip->evidence);
      clip->evidence = g_strdup (s->card->evidence);
      for (guint k = 0; s->card->tags[k] != NULL; k++)
        {
          WaymarkTag *tag = waymark_document_find_tag (document, s->card->tags[k]);
          if (tag == NULL)
            continue;
          g_strv_builder_add (names, tag->name);
          g_strv_builder_add (colors, tag->color);
        }
      g_strfreev (clip->tag_names);
      clip->tag_names = g_strv_builder_end (names);
      g_strfreev (clip->tag_colors);
      clip->tag_colors = g_strv_builder_end (colors);
      g_ptr_array_add (cards, clip);
    }
  return cards;
}

GBytes *
waymark_clipboard_cards_serialize (WaymarkClipboardCards *cards)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr root = xmlNewNode (NULL, (const xmlChar *) "cards");
  xmlNsPtr ns = xmlNewNs (root, (const xmlChar *) WAYMARK_FORMAT_NAMESPACE, NULL);
  xmlChar *mem = NULL;
  int size = 0;
  GBytes *bytes;

  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  xmlNewProp (root, (const xmlChar *) "version", (const xmlChar *) "1");

  for (guint i = 0; i < cards->len; i++)
    {
      WaymarkClipboardCard *clip = g_ptr_array_index (cards, i);
      xmlNodePtr node = xmlNewChild (root, ns, (const xmlChar *) "card", NULL);
      char buf[32];

      xmlNewProp (node, (const xmlChar *) "lane-kind",
                  (const xmlChar *) waymark_lane_kind_to_string (clip->lane_kind));
      g_snprintf (buf, sizeof buf, "%d", clip->lane_offset);
      xmlNewProp (node, (const xmlChar *) "lane-offset", (const xmlChar *) buf);
      g_snprintf (buf, sizeof buf, "%d", clip->phase_offset);
      xmlNewProp (node, (const xmlChar *) "phase-offset", (const xmlChar *) buf);
      if (clip->span > 1)
        {
          g_snprintf (buf, sizeof buf, "%d", clip->span);
          xmlNewProp (node, (const xmlChar *) "span", (const xmlChar *) buf);
        }
      if (clip->color[0] != '\0')
        xmlNewProp (node, (const xmlChar *) "color", (const xmlChar *) clip->color);
      /* xmlNewTextChild escapes; xmlNewChild would not. */
      xmlNewTextChild (node, ns, (const xmlChar *) "text", (const xmlChar *) clip->text);
      for (guint k = 0; clip->tag_names[k] != NULL; k++)
        {
          xmlNodePtr tag = xmlNewChild (node, ns, (const xmlChar *) "tag", NULL);
          xmlNewProp (tag, (const xmlChar *) "name", (const xmlChar *) clip->tag_names[k]);
          if (clip->tag_colors[k] != NULL)
            xmlNewProp (tag, (const xmlChar *) "color", (const xmlChar *) clip->tag_colors[k]);
        }
      if (clip->evidence[0] != '\0')
        xmlNewTextChild (node, ns, (const xmlChar *) "evidence", (const xmlChar *) clip->evidence);
    }

  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  bytes = g_bytes_new (mem, size);
  xmlFree (mem);
  xmlFreeDoc (doc);
  return bytes;
}

char *
waymark_clipboard_cards_to_text (WaymarkClipboardCards *cards)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    {
      WaymarkClipboardCard *clip = g_ptr_array_index (cards, i);
      g_autofree char *line = g_strdup (clip->text);

      g_strdelimit (line, "\r\n", ' ');
      g_string_append (text, g_strstrip (line));
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

/* A number attribute within [@min, @max]; @fallback when absent or not. */
static int
int_attribute (xmlNodePtr  node,
               const char *name,
               int         fallback,
               int         min,
               int         max)
{
  g_autofree char *value = waymark_format_dup_attribute (node, name);
  gint64 n;

  if (value[0] == '\0' || !g_ascii_string_to_signed (value, 10, min, max, &n, NULL))
    return fallback;
  return (int) n;
}

/* The fragment's problem as the clipboard says it: only a limit is worth
 * showing (the paste is refused for it); the rest is not Waymark's cards. */
static void
set_parse_error (GError **error,
                 GError  *parse_error)
{
  switch (parse_error->code)
    {
    case WAYMARK_FORMAT_ERROR_TOO_LARGE:
      g_propagate_prefixed_error (error, parse_error,
                                  _("The cards on the clipboard cannot be pasted: "));
      return;
    case WAYMARK_FORMAT_ERROR_FORBIDDEN:
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_FORBIDDEN,
                   _("The cards on the clipboard have a DTD"));
      break;
    default:
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_SYNTAX,
                   _("The cards on the clipboard are not well-formed XML"));
      break;
    }
  g_error_free (parse_error);
}

static WaymarkClipboardCard *
read_card (xmlNodePtr node)
{
  WaymarkClipboardCard *clip = clipboard_card_new ();
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) colors = g_strv_builder_new ();
  g_autofree char *kind = waymark_format_dup_attribute (node, "lane-kind");

  if (!waymark_lane_kind_from_string (kind, &clip->lane_kind))
    clip->lane_kind = WAYMARK_LANE_NOTES;
  /* Offsets are bounded so that a hostile fragment cannot ask for absurd cells. */
  clip->lane_offset = int_attribute (node, "lane-offset", 0, -1000, 1000);
  clip->phase_offset = int_attribute (node, "phase-offset", 0, -1000, 1000);
  clip->span = int_attribute (node, "span", 1, 1, 1000);
  g_free (clip->color);
  clip->color = waymark_format_dup_attribute (node, "color");
  if (!waymark_format_is_color (clip->color))
    clip->color[0] = '\0';

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (waymark_format_is_element (child, "text"))
        {
          g_free (clip->text);
          clip->text = waymark_format_dup_text (child);
        }
      else if (waymark_format_is_element (child, "evidence"))
        {
          g_free (clip->evidence);
          clip->evidence = waymark_format_dup_text (child);
        }
      else if (waymark_format_is_element (child, "tag"))
        {
          g_autofree char *name = waymark_format_dup_attribute (child, "name");
          g_autofree char *color = waymark_format_dup_attribute (child, "color");

          if (name[0] == '\0')
            continue;
          g_strv_builder_add (names, name);
          g_strv_builder_add (colors, waymark_format_is_color (color) ? color : "#888a85");
        }
    }
  g_strfreev (clip->tag_names);
  clip->tag_names = g_strv_builder_end (names);
  g_strfreev (clip->tag_colors);
  clip->tag_colors = g_strv_builder_end (colors);
  return clip;
}

WaymarkClipboardCards *
waymark_clipboard_cards_parse (GBytes  *bytes,
                               GError **error)
{
  g_autoptr(WaymarkClipboardCards) cards = NULL;
  GError *parse_error = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  gsize size = g_bytes_get_size (bytes);

  if (size == 0 || size > WAYMARK_CLIPBOARD_MAX_SIZE)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("The clipboard holds no cards or too much data"));
      return NULL;
    }
  /* Through the loader's own path, limits and all, as if it were a file. */
  doc = waymark_format_parse_fragment (bytes, &parse_error);
  if (doc == NULL)
    {
      set_parse_error (error, parse_error);
      return NULL;
    }

  root = xmlDocGetRootElement (doc);
  if (root == NULL || !waymark_format_is_element (root, "cards"))
    {
      xmlFreeDoc (doc);
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_NOT_WAYMARK,
                   _("The clipboard does not hold Waymark cards"));
      return NULL;
    }

  cards = cards_new ();
  for (xmlNodePtr node = root->children; node != NULL; node = node->next)
    if (waymark_format_is_element (node, "card"))
      g_ptr_array_add (cards, read_card (node));
  xmlFreeDoc (doc);

  if (cards->len == 0)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_SCHEMA,
                   _("The clipboard holds no cards"));
      return NULL;
    }
  return g_steal_pointer (&cards);
}

WaymarkClipboardCards *
waymark_clipboard_cards_from_text (const char *text)
{
  g_auto(GStrv) lines = NULL;
  WaymarkClipboardCards *cards;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;
  cards = cards_new ();
  lines = g_strsplit_set (text, "\r\n", -1);
  /* One card more than a map holds is enough for the paste to say so. */
  for (guint i = 0; lines[i] != NULL && cards->len <= WAYMARK_LIMIT_CARDS; i++)
    {
      char *line = g_strstrip (lines[i]);
      WaymarkClipboardCard *clip;

      if (line[0] == '\0')
        continue;
      clip = clipboard_card_new ();
      g_free (clip->text);
      clip->text = g_strdup (line);
      g_ptr_array_add (cards, clip);
    }
  if (cards->len == 0)
    {
      g_ptr_array_unref (cards);
      return NULL;
    }
  return cards;
}

static const char *
find_or_add_tag (WaymarkDocument *document,
                 const char      *name,
                 const char      *color)
{
  GPtrArray *tags = waymark_document_get_tags (document);

  for (guint i = 0; i < tags->len; i++)
    {
      WaymarkTag *tag = g_ptr_array_index (tags, i);
      if (g_strcmp0 (tag->name, name) == 0)
        return tag->base.id;
    }
  return waymark_document_insert_tag (document, waymark_tag_new (NULL, name, color), -1);
}

/* The lane a copied card lands in: its own place relative to the first
 * where the map allows, otherwise the target cell's; NULL for none. */
static WaymarkLane *
landing_lane (WaymarkPersona             *persona,
              int                         base_lane,
              const WaymarkClipboardCard *clip,
              const char                 *lane_id)
{
  int lane_index = base_lane + clip->lane_offset;
  WaymarkLane *lane = NULL;

  if (lane_index >= 0 && lane_index < (int) persona->lanes->len)
    lane = g_ptr_array_index (persona->lanes, lane_index);
  if (lane == NULL || !waymark_lane_kind_holds_cards (lane->kind))
    lane = waymark_persona_find_lane (persona, lane_id);
  if (lane == NULL || !waymark_lane_kind_holds_cards (lane->kind))
    return NULL;
  return lane;
}

/* The model refuses a card or tag beyond its limits (waymark-limits.h),
 * one at a time: checked first, so that a paste goes in whole or not at
 * all, and says why. */
static gboolean
paste_fits (WaymarkClipboardCards  *cards,
            WaymarkDocument        *document,
            WaymarkPersona         *persona,
            int                     base_lane,
            const char             *lane_id,
            GError                **error)
{
  g_autoptr(GHashTable) tag_names = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *tags = waymark_document_get_tags (document);
  guint n_cards = 0, n_landing = 0, n_known_names;

  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    n_cards += waymark_document_get_persona (document, i)->cards->len;
  for (guint i = 0; i < tags->len; i++)
    g_hash_table_add (tag_names, ((WaymarkTag *) g_ptr_array_index (tags, i))->name);
  n_known_names = g_hash_table_size (tag_names);

  for (guint i = 0; i < cards->len; i++)
    {
      WaymarkClipboardCard *clip = g_ptr_array_index (cards, i);

      if (landing_lane (persona, base_lane, clip, lane_id) == NULL)
        continue;
      n_landing++;
      if (strlen (clip->text) > WAYMARK_LIMIT_TEXT_LENGTH ||
          strlen (clip->evidence) > WAYMARK_LIMIT_TEXT_LENGTH)
        {
          g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                       _("A pasted card has a text longer than %d KiB, the most Waymark holds "
                         "in one text"), WAYMARK_LIMIT_TEXT_LENGTH / 1024);
          return FALSE;
        }
      for (guint k = 0; clip->tag_names[k] != NULL; k++)
        {
          const char *name = clip->tag_names[k];

          if (strlen (name) > WAYMARK_LIMIT_TEXT_LENGTH)
            {
              g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                           _("A pasted card has a tag name longer than %d KiB, the most Waymark "
                             "holds in one text"), WAYMARK_LIMIT_TEXT_LENGTH / 1024);
              return FALSE;
            }
          g_hash_table_add (tag_names, (gpointer) name);
        }
    }

  if (n_cards + n_landing > WAYMARK_LIMIT_CARDS)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Pasting %u card would make the map hold more than %d cards, "
                                "the most Waymark holds",
                                "Pasting %u cards would make the map hold more than %d cards, "
                                "the most Waymark holds", n_landing),
                   n_landing, WAYMARK_LIMIT_CARDS);
      return FALSE;
    }
  /* Each name the document has no tag of becomes a new tag. */
  if (tags->len + (g_hash_table_size (tag_names) - n_known_names) > WAYMARK_LIMIT_TAGS)
    {
      g_set_error (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                   _("Pasting would make the map hold more than %d tags, the most Waymark holds"),
                   WAYMARK_LIMIT_TAGS);
      return FALSE;
    }
  return TRUE;
}

GPtrArray *
waymark_clipboard_cards_paste (WaymarkClipboardCards  *cards,
                               WaymarkDocument        *document,
                               const char             *persona_id,
                               const char             *lane_id,
                               const char             *phase_id,
                               int                     position,
                               GError                **error)
{
  WaymarkPersona *persona = waymark_document_find_persona (document, persona_id);
  GPtrArray *ids = g_ptr_array_new ();
  /* lane id → position of the next card pasted in each cell */
  g_autoptr(GHashTable) next_position = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                               g_free, NULL);
  int base_lane, base_phase;

  if (persona == NULL || cards == NULL)
    return ids;
  base_lane = waymark_persona_lane_index (persona, lane_id);
  base_phase = waymark_persona_phase_index (persona, phase_id);
  if (base_lane < 0 || base_phase < 0)
    return ids;
  if (!paste_fits (cards, document, persona, base_lane, lane_id, error))
    {
      g_ptr_array_unref (ids);
      return NULL;
    }

  waymark_document_begin_group (document, cards->len > 1 ? _("Paste Cards") : _("Paste Card"));
  for (guint i = 0; i < cards->len; i++)
    {
      WaymarkClipboardCard *clip = g_ptr_array_index (cards, i);
      int phase_index = CLAMP (base_phase + clip->phase_offset, 0, (int) persona->phases->len - 1);
      WaymarkLane *lane = landing_lane (persona, base_lane, clip, lane_id);
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, phase_index);
      g_autoptr(GStrvBuilder) tags = g_strv_builder_new ();
      g_autofree char *key = NULL;
      WaymarkCard *card;
      const char *id;
      int pos, index;

      if (lane == NULL)
        continue;

      key = g_strdup_printf ("%s\n%s", lane->base.id, phase->base.id);
      if (g_hash_table_contains (next_position, key))
        pos = GPOINTER_TO_INT (g_hash_table_lookup (next_position, key));
      else if (g_str_equal (lane->base.id, lane_id) && g_str_equal (phase->base.id, phase_id))
        pos = position;
      else
        pos = -1;

      card = waymark_card_new (NULL, lane->base.id, phase->base.id, clip->text);
      card->span = MAX (clip->span, 1);
      g_free (card->color);
      card->color = g_strdup (clip->color);
      g_free (card->evidence);
      card->evidence = g_strdup (clip->evidence);
      for (guint k = 0; clip->tag_names[k] != NULL; k++)
        {
          const char *tag_id = find_or_add_tag (document, clip->tag_names[k],
                                                clip->tag_colors[k] != NULL
                                                ? clip->tag_colors[k] : "#888a85");
          if (tag_id != NULL)
            g_strv_builder_add (tags, tag_id);
        }
      g_strfreev (card->tags);
      card->tags = g_strv_builder_end (tags);

      index = waymark_persona_cell_insert_index (persona, lane->base.id, phase->base.id, pos);
      id = waymark_document_insert_card (document, persona_id, card, index);
      if (id == NULL)
        continue;
      g_ptr_array_add (ids, (gpointer) id);
      if (pos >= 0)
        g_hash_table_insert (next_position, g_steal_pointer (&key), GINT_TO_POINTER (pos + 1));
    }
  waymark_document_end_group (document);
  return ids;
}
