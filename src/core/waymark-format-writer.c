/* waymark-format-writer.c: the canonical serialiser of .waymark files
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written by hand into a GString rather than with libxml2's xmlSaveFormat*
 * or xmlTextWriter: those keep attributes in whatever order the tree has,
 * and indent text-bearing elements in ways that change their content. The
 * canonical form (docs/file-format.md) needs a fixed order of elements and
 * attributes, one element a line, two spaces of indent, a final newline
 * and text kept byte for byte, so that loading a saved file and saving it
 * again gives the same bytes, and diffs of two versions stay small.
 */
#include "config.h"

#include <string.h>

#include "waymark-format-private.h"
#include "waymark-format.h"
#include "waymark-xml.h"

static void
indent (GString *out,
        int      depth)
{
  for (int i = 0; i < depth; i++)
    g_string_append (out, "  ");
}

static void
attribute (GString    *out,
           const char *name,
           const char *value)
{
  g_string_append_printf (out, " %s=\"", name);
  waymark_xml_append_escaped (out, value != NULL ? value : "", WAYMARK_XML_ATTRIBUTE);
  g_string_append_c (out, '"');
}

/* Optional attributes are left out when empty. */
static void
optional_attribute (GString    *out,
                    const char *name,
                    const char *value)
{
  if (value != NULL && *value != '\0')
    attribute (out, name, value);
}

static void
int_attribute (GString    *out,
               const char *name,
               int         value)
{
  g_string_append_printf (out, " %s=\"%d\"", name, value);
}

/* Writes one child of a list; @data is the writer's own. */
typedef void (*WriteItem) (GString  *out,
                           int       depth,
                           gpointer  item);

/* <NAME> with one line per item of @items (written by @write_item), left
 * out when there are none: the shape of every list in the file. */
static void
write_list (GString    *out,
            int         depth,
            const char *name,
            GPtrArray  *items,
            WriteItem   write_item)
{
  if (items == NULL || items->len == 0)
    return;
  indent (out, depth);
  g_string_append_printf (out, "<%s>\n", name);
  for (guint i = 0; i < items->len; i++)
    write_item (out, depth + 1, g_ptr_array_index (items, i));
  indent (out, depth);
  g_string_append_printf (out, "</%s>\n", name);
}

/* <name>text</name> on one line (more when the text has newlines); left
 * out when the text is empty. */
static void
text_element (GString    *out,
              int         depth,
              const char *name,
              const char *text)
{
  if (text == NULL || *text == '\0')
    return;
  indent (out, depth);
  g_string_append_printf (out, "<%s>", name);
  waymark_xml_append_escaped (out, text, WAYMARK_XML_TEXT);
  g_string_append_printf (out, "</%s>\n", name);
}

/* Ends an element whose start tag and attributes are already in @out:
 * self-closing without children, else the children and an end tag. */
static void
finish_element (GString    *out,
                int         depth,
                const char *name,
                GString    *children)
{
  if (children->len == 0)
    {
      g_string_append (out, "/>\n");
      return;
    }
  g_string_append (out, ">\n");
  g_string_append_len (out, children->str, children->len);
  indent (out, depth);
  g_string_append_printf (out, "</%s>\n", name);
}

static void
timestamp_element (GString    *out,
                   int         depth,
                   const char *name,
                   GDateTime  *timestamp)
{
  g_autoptr (GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (timestamp == NULL)
    return;
  utc = g_date_time_to_utc (timestamp);
  /* Not g_date_time_format()'s %Y, which does not pad: the year 13 came
   * out as "13-11-29T...", which the loader (rightly) refuses, so a loaded
   * file could not be reopened after saving. Found by tests/fuzz/fuzz-format
   * (tests/data/fuzz-regressions/format/year-below-1000-resave). */
  text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", g_date_time_get_year (utc),
                          g_date_time_get_month (utc), g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
  text_element (out, depth, name, text);
}

/* A <tag> in <tags> or a <domain> in <domains>: the same shape. */
static void
write_swatch (GString  *out,
              int       depth,
              gpointer  item)
{
  WaymarkObject *object = item;
  gboolean is_tag = object->kind == WAYMARK_OBJECT_TAG;

  indent (out, depth);
  g_string_append (out, is_tag ? "<tag" : "<domain");
  attribute (out, "id", object->id);
  attribute (out, "name", is_tag ? ((WaymarkTag *) object)->name : ((WaymarkDomain *) object)->name);
  optional_attribute (out, "color",
                      is_tag ? ((WaymarkTag *) object)->color : ((WaymarkDomain *) object)->color);
  g_string_append (out, "/>\n");
}

static void
write_phase (GString  *out,
             int       depth,
             gpointer  item)
{
  WaymarkPhase *phase = item;
  g_autoptr (GString) children = g_string_new (NULL);

  indent (out, depth);
  g_string_append (out, "<phase");
  attribute (out, "id", phase->base.id);
  attribute (out, "name", phase->name);
  text_element (children, depth + 1, "description", phase->description);
  finish_element (out, depth, "phase", children);
}

static void
write_lane (GString  *out,
            int       depth,
            gpointer  item)
{
  WaymarkLane *lane = item;

  indent (out, depth);
  g_string_append (out, "<lane");
  attribute (out, "id", lane->base.id);
  attribute (out, "name", lane->name);
  attribute (out, "kind", waymark_lane_kind_to_string (lane->kind));
  optional_attribute (out, "color", lane->color);
  /* Kept for any kind, not just emotions, so that nothing is lost when a
   * lane's kind is changed back and forth. */
  if (lane->scale_min != WAYMARK_DEFAULT_SCALE_MIN)
    int_attribute (out, "min", lane->scale_min);
  if (lane->scale_max != WAYMARK_DEFAULT_SCALE_MAX)
    int_attribute (out, "max", lane->scale_max);
  g_string_append (out, "/>\n");
}

/* <@name @attribute="id"/> for each of @ids (may be NULL): a card's
 * tags, the cards a recommendation addresses. */
static void
write_references (GString     *out,
                  int          depth,
                  const char  *name,
                  const char  *attribute_name,
                  char       **ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    {
      indent (out, depth);
      g_string_append_printf (out, "<%s", name);
      attribute (out, attribute_name, ids[i]);
      g_string_append (out, "/>\n");
    }
}

static void
write_card (GString  *out,
            int       depth,
            gpointer  item)
{
  WaymarkCard *card = item;
  g_autoptr (GString) children = g_string_new (NULL);

  indent (out, depth);
  g_string_append (out, "<card");
  attribute (out, "id", card->base.id);
  attribute (out, "lane", card->lane_id);
  attribute (out, "phase", card->phase_id);
  if (card->span != 1)
    int_attribute (out, "span", card->span);
  optional_attribute (out, "color", card->color);

  text_element (children, depth + 1, "text", card->text);
  write_references (children, depth + 1, "tag", "ref", card->tags);
  text_element (children, depth + 1, "evidence", card->evidence);
  finish_element (out, depth, "card", children);
}

static void
write_point (GString  *out,
             int       depth,
             gpointer  item)
{
  WaymarkEmotionPoint *point = item;

  indent (out, depth);
  g_string_append (out, "<point");
  attribute (out, "lane", point->lane_id);
  attribute (out, "phase", point->phase_id);
  int_attribute (out, "score", point->score);
  optional_attribute (out, "label", point->label);
  g_string_append (out, "/>\n");
}

/* Sort keys: a cell's position in the grid, lanes first. References the
 * persona lacks (which a valid document never has) sort last, so they
 * still reach the file rather than vanish. */
typedef struct {
  GHashTable *lanes;   /* id → index + 1 */
  GHashTable *phases;  /* id → index + 1 */
} GridOrder;

static guint
grid_index (GHashTable *table,
            const char *id)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (table, id != NULL ? id : ""));

  return index == 0 ? G_MAXUINT : index;
}

static int
compare_cells (const GridOrder *order,
               const char      *lane_a,
               const char      *phase_a,
               const char      *lane_b,
               const char      *phase_b)
{
  guint la = grid_index (order->lanes, lane_a), lb = grid_index (order->lanes, lane_b);
  guint pa = grid_index (order->phases, phase_a), pb = grid_index (order->phases, phase_b);

  if (la != lb)
    return la < lb ? -1 : 1;
  if (pa != pb)
    return pa < pb ? -1 : 1;
  return 0;
}

static int
compare_cards (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const WaymarkCard *ca = *(WaymarkCard **) a;
  const WaymarkCard *cb = *(WaymarkCard **) b;

  return compare_cells (user_data, ca->lane_id, ca->phase_id, cb->lane_id, cb->phase_id);
}

static int
compare_points (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  const WaymarkEmotionPoint *pa = *(WaymarkEmotionPoint **) a;
  const WaymarkEmotionPoint *pb = *(WaymarkEmotionPoint **) b;

  return compare_cells (user_data, pa->lane_id, pa->phase_id, pb->lane_id, pb->phase_id);
}

/* A sorted copy (not owning its elements). g_ptr_array_sort_with_data is
 * stable, which keeps the order of the cards within a cell. */
/* Each object's id to its position, counted from 1 (0: not there). */
static GHashTable *
positions (GPtrArray *objects)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < objects->len; i++)
    g_hash_table_insert (table, ((WaymarkObject *) g_ptr_array_index (objects, i))->id,
                         GUINT_TO_POINTER (i + 1));
  return table;
}

static GPtrArray *
sorted_copy (GPtrArray        *array,
             GCompareDataFunc  compare,
             gpointer          order)
{
  GPtrArray *copy = g_ptr_array_sized_new (array->len);

  for (guint i = 0; i < array->len; i++)
    g_ptr_array_add (copy, g_ptr_array_index (array, i));
  g_ptr_array_sort_with_data (copy, compare, order);
  return copy;
}

/* <NAME>text</NAME> for each of @items, an empty one self-closing: the
 * items of a profile are kept even when empty, as every text is. */
static void
write_items (GString     *out,
             int          depth,
             const char  *name,
             char       **items)
{
  for (guint i = 0; items[i] != NULL; i++)
    {
      indent (out, depth);
      if (items[i][0] == '\0')
        {
          g_string_append_printf (out, "<%s/>\n", name);
          continue;
        }
      g_string_append_printf (out, "<%s>", name);
      waymark_xml_append_escaped (out, items[i], WAYMARK_XML_TEXT);
      g_string_append_printf (out, "</%s>\n", name);
    }
}

/* <profile>, only for a persona that has one (format version 3). */
static void
write_profile (GString        *out,
               int             depth,
               WaymarkPersona *persona)
{
  g_autoptr (GString) children = g_string_new (NULL);

  if (!waymark_persona_has_profile (persona))
    return;
  text_element (children, depth + 1, "quote", persona->quote);
  write_items (children, depth + 1, "goal", persona->goals);
  write_items (children, depth + 1, "need", persona->needs);
  write_items (children, depth + 1, "frustration", persona->frustrations);
  for (guint i = 0; i < persona->facts->len; i++)
    {
      WaymarkFact *fact = g_ptr_array_index (persona->facts, i);

      indent (children, depth + 1);
      g_string_append (children, "<fact");
      attribute (children, "label", fact->label);
      if (fact->value[0] == '\0')
        {
          g_string_append (children, "/>\n");
          continue;
        }
      g_string_append_c (children, '>');
      waymark_xml_append_escaped (children, fact->value, WAYMARK_XML_TEXT);
      g_string_append (children, "</fact>\n");
    }
  indent (out, depth);
  g_string_append (out, "<profile");
  finish_element (out, depth, "profile", children);
}

static void
write_persona (GString        *out,
               int             depth,
               WaymarkPersona *persona)
{
  g_autoptr (GString) children = g_string_new (NULL);
  g_autoptr (GPtrArray) cards = NULL;
  g_autoptr (GPtrArray) points = NULL;
  GridOrder order;

  order.lanes = positions (persona->lanes);
  order.phases = positions (persona->phases);

  indent (out, depth);
  g_string_append (out, "<persona");
  attribute (out, "id", persona->base.id);
  attribute (out, "name", persona->name);
  optional_attribute (out, "color", persona->color);
  optional_attribute (out, "initials", persona->initials);

  text_element (children, depth + 1, "ambition", persona->ambition);
  text_element (children, depth + 1, "description", persona->description);
  write_profile (children, depth + 1, persona);

  cards = sorted_copy (persona->cards, compare_cards, &order);
  points = sorted_copy (persona->emotions, compare_points, &order);

  write_list (children, depth + 1, "phases", persona->phases, write_phase);
  write_list (children, depth + 1, "lanes", persona->lanes, write_lane);
  write_list (children, depth + 1, "cards", cards, write_card);
  write_list (children, depth + 1, "emotions", points, write_point);

  finish_element (out, depth, "persona", children);
  g_hash_table_unref (order.lanes);
  g_hash_table_unref (order.phases);
}

static void
write_recommendation (GString  *out,
                      int       depth,
                      gpointer  item)
{
  WaymarkRecommendation *recommendation = item;
  g_autoptr (GString) children = g_string_new (NULL);

  indent (out, depth);
  g_string_append (out, "<recommendation");
  attribute (out, "id", recommendation->base.id);
  optional_attribute (out, "domain", recommendation->domain_id);
  if (recommendation->status != WAYMARK_STATUS_OPEN)
    attribute (out, "status", waymark_status_to_string (recommendation->status));
  if (recommendation->value != WAYMARK_SCORE_UNSET)
    int_attribute (out, "value", recommendation->value);
  if (recommendation->effort != WAYMARK_SCORE_UNSET)
    int_attribute (out, "effort", recommendation->effort);
  optional_attribute (out, "owner", recommendation->owner);

  text_element (children, depth + 1, "title", recommendation->title);
  text_element (children, depth + 1, "description", recommendation->description);
  write_references (children, depth + 1, "addresses", "card", recommendation->cards);
  finish_element (out, depth, "recommendation", children);
}

/* Only the order within a domain is the user's: recommendations are
 * written by domain, in the domains' order, then those in none, so that
 * a file reads like the report it becomes. */
static void
write_recommendations (GString         *out,
                       int              depth,
                       WaymarkDocument *document)
{
  g_autoptr (GPtrArray) recommendations = waymark_document_list_recommendations_in_order (document);

  write_list (out, depth, "recommendations", recommendations, write_recommendation);
}

int
waymark_format_get_version (WaymarkDocument *document)
{
  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), WAYMARK_FORMAT_VERSION);

  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    if (waymark_persona_has_profile (waymark_document_get_persona (document, i)))
      return WAYMARK_FORMAT_VERSION_PROFILES;
  if (waymark_document_get_domains (document)->len > 0 ||
      waymark_document_get_recommendations (document)->len > 0)
    return WAYMARK_FORMAT_VERSION_RECOMMENDATIONS;
  return WAYMARK_FORMAT_VERSION_BASE;
}

GBytes *
waymark_format_save_to_bytes (WaymarkDocument *document)
{
  GString *out;
  g_autoptr (GString) children = g_string_new (NULL);
  int column_width;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  out = g_string_sized_new (16 * 1024);
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append (out, "<waymark");
  attribute (out, "xmlns", WAYMARK_FORMAT_NAMESPACE);
  int_attribute (out, "version", waymark_format_get_version (document));
  optional_attribute (out, "lang", waymark_document_get_language (document));
  column_width = waymark_document_get_column_width (document);
  if (column_width != WAYMARK_DEFAULT_COLUMN_WIDTH)
    int_attribute (out, "column-width", column_width);

  text_element (children, 1, "title", waymark_document_get_title (document));
  text_element (children, 1, "author", waymark_document_get_author (document));
  timestamp_element (children, 1, "created", waymark_document_get_created (document));
  timestamp_element (children, 1, "modified", waymark_document_get_modified (document));
  text_element (children, 1, "description", waymark_document_get_description (document));
  write_list (children, 1, "tags", waymark_document_get_tags (document), write_swatch);
  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    write_persona (children, 1, waymark_document_get_persona (document, i));
  write_list (children, 1, "domains", waymark_document_get_domains (document), write_swatch);
  write_recommendations (children, 1, document);

  finish_element (out, 0, "waymark", children);
  return g_string_free_to_bytes (out);
}
