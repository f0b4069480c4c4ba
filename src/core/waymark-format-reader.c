/* waymark-format-reader.c: the semantic pass of the loader
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * After parsing and the schema, one walk over the tree checks what a
 * schema cannot express (ids unique in the whole document, references to
 * phases, lanes, tags, domains and cards that exist, scores within their
 * lane's scale, one point per cell, no cards in emotions lanes, the
 * version a file's elements need) and the syntax of values,
 * with messages that name the value and the rule. The same walk collects
 * the content; it becomes a document only when nothing was wrong. It is
 * written defensively: it also runs over documents the schema rejected,
 * so that `waymark validate` reports as much as it can in one go.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-format-private.h"

#define NS ((const xmlChar *) WAYMARK_FORMAT_NAMESPACE)

/* What cards and points need to know about their lane. */
typedef struct {
  WaymarkLane *lane;
  gboolean     scale_ok;    /* FALSE: min/max were broken, skip range checks */
  gboolean     kind_known;  /* FALSE: lane->kind is a stand-in */
} LaneInfo;

struct _WaymarkFormatReader {
  WaymarkFormatChecker *checker;
  GHashTable           *ids;      /* id → line of its first use */
  GHashTable           *tags;     /* the ids of the document's tags */
  GHashTable           *domains;  /* the ids of the document's domains */
  GHashTable           *card_ids; /* the ids of all cards; only when the file has
                                   * recommendations, which address them */
  GHashTable           *lines;    /* lines this pass complained about */
  int                   version;  /* the file's format version; 0 when unusable */

  /* What was read. */
  char                 *title;
  char                 *author;
  char                 *language;
  char                 *description;
  int                   column_width;
  GDateTime            *created;
  GDateTime            *modified;
  GPtrArray            *tag_list;  /* WaymarkTag* */
  GPtrArray            *personas;  /* WaymarkPersona* */
  GPtrArray            *domain_list;      /* WaymarkDomain* */
  GPtrArray            *recommendations;  /* WaymarkRecommendation* */
};

typedef WaymarkFormatReader Reader;

static void
complain_valist (Reader             *reader,
                 xmlNodePtr          node,
                 WaymarkFormatError  code,
                 const char         *format,
                 va_list             args)
{
  long line = waymark_format_node_line (node);

  waymark_format_report_take (reader->checker, line, 1, code, g_strdup_vprintf (format, args));
  g_hash_table_add (reader->lines, GINT_TO_POINTER ((int) MIN (line, G_MAXINT)));
}

G_GNUC_PRINTF (3, 4)
static void
complain (Reader     *reader,
          xmlNodePtr  node,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  complain_valist (reader, node, WAYMARK_FORMAT_ERROR_SEMANTIC, format, args);
  va_end (args);
}

/* For the value patterns of the schema, which the reader checks in its
 * place (waymark_format_value_matches()): still a schema error. */
G_GNUC_PRINTF (3, 4)
static void
complain_schema (Reader     *reader,
                 xmlNodePtr  node,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  complain_valist (reader, node, WAYMARK_FORMAT_ERROR_SCHEMA, format, args);
  va_end (args);
}

static gboolean
is_waymark_element (xmlNodePtr  node,
                    const char *name)
{
  return node->type == XML_ELEMENT_NODE &&
         node->ns != NULL && xmlStrEqual (node->ns->href, NS) &&
         (name == NULL || xmlStrEqual (node->name, (const xmlChar *) name));
}

/* Attribute values and element text, as GLib strings (NULL when absent). */
static char *
get_attribute (xmlNodePtr  node,
               const char *name)
{
  xmlAttrPtr attribute = xmlHasNsProp (node, (const xmlChar *) name, NULL);
  xmlChar *value;
  char *copy;

  if (attribute == NULL)
    return NULL;
  /* The value the parser stored, copied once: xmlGetNoNsProp() would
   * copy it with libxml2's allocator only for us to copy it again with
   * GLib's, for each of the ~30,000 attributes of a large map. */
  if (attribute->type == XML_ATTRIBUTE_NODE && attribute->children != NULL &&
      attribute->children->type == XML_TEXT_NODE && attribute->children->next == NULL &&
      attribute->children->content != NULL)
    return g_strdup ((const char *) attribute->children->content);

  value = xmlGetNoNsProp (node, (const xmlChar *) name);
  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

/* The text exactly as written: no trimming, so that a card whose text is
 * two spaces keeps them. */
static char *
get_text (xmlNodePtr node)
{
  xmlChar *content = xmlNodeGetContent (node);
  char *copy = g_strdup (content != NULL ? (const char *) content : "");

  xmlFree (content);
  return copy;
}

typedef enum {
  NUMBER_OK,
  NUMBER_INVALID,     /* not a whole number at all */
  NUMBER_TOO_LARGE,   /* a whole number beyond what an int holds */
} NumberStatus;

static NumberStatus
parse_int (const char *text,
           int        *value)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  g_autoptr (GError) error = NULL;
  gint64 number;

  /* xsd:integer allows a leading '+'; g_ascii_string_to_signed too. */
  if (!g_ascii_string_to_signed (stripped, 10, G_MININT, G_MAXINT, &number, &error))
    return g_error_matches (error, G_NUMBER_PARSER_ERROR, G_NUMBER_PARSER_ERROR_OUT_OF_BOUNDS)
           ? NUMBER_TOO_LARGE : NUMBER_INVALID;
  *value = (int) number;
  return NUMBER_OK;
}

/* Complains about a number that did not parse; @name is the attribute. */
static void
complain_number (Reader       *reader,
                 xmlNodePtr    node,
                 const char   *name,
                 const char   *text,
                 NumberStatus  status)
{
  if (status == NUMBER_TOO_LARGE)
    complain (reader, node, _("%s “%s” is out of range"), name, text);
  else
    complain (reader, node, _("%s “%s” is not a whole number"), name, text);
}

/* Reads an integer attribute; complains and returns FALSE when it is there
 * but not a whole number within [min, max]. @value keeps its default when
 * the attribute is absent. */
static gboolean
read_int_attribute (Reader     *reader,
                    xmlNodePtr  node,
                    const char *name,
                    int         min,
                    int         max,
                    int        *value)
{
  g_autofree char *text = get_attribute (node, name);
  NumberStatus status;
  int number = 0;

  if (text == NULL)
    return TRUE;
  status = parse_int (text, &number);
  if (status != NUMBER_OK)
    {
      complain_number (reader, node, name, text, status);
      return FALSE;
    }
  if (number < min || number > max)
    {
      complain (reader, node, _("%s must be between %d and %d, not %d"), name, min, max, number);
      return FALSE;
    }
  *value = number;
  return TRUE;
}

static gboolean
is_ascii_id_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

/* The schema's id pattern, [\p{L}\p{N}_.\-]+, and the same with GLib's
 * (newer) Unicode tables, so that an id means the same to GLib code.
 * Written out for the all-ASCII ids that every real file has, which
 * both certainly accept, because libxml2's regular expressions test each
 * character against long Unicode range tables; those cost more than the
 * rest of reading the id. */
static gboolean
is_valid_id (const char *id)
{
  const char *p;

  if (*id == '\0')
    return FALSE;
  for (p = id; is_ascii_id_char (*p); p++)
    ;
  if (*p == '\0')
    return TRUE;

  if (!g_utf8_validate (id, -1, NULL))
    return FALSE;
  for (p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && c != '-' && c != '_' && c != '.')
        return FALSE;
    }
  return waymark_format_value_matches (WAYMARK_FORMAT_PATTERN_ID, id);
}

/* A reference to an id must have an id's form too (the schema's rule);
 * one that names no id at all is reported as dangling instead. */
static void
check_reference_form (Reader     *reader,
                      xmlNodePtr  node,
                      const char *ref)
{
  if (!is_valid_id (ref))
    complain_schema (reader, node,
                     _("id “%s” may only contain letters, digits, “-”, “_” and “.”"), ref);
}

/* A required attribute: complains when it is missing (libxml2's schema
 * errors about missing attributes carry no line number). */
static char *
require_attribute (Reader     *reader,
                   xmlNodePtr  node,
                   const char *name)
{
  char *value = get_attribute (node, name);

  if (value == NULL)
    complain (reader, node, _("<%s> lacks the “%s” attribute"),
              (const char *) node->name, name);
  return value;
}

/* Like require_attribute(), but "" instead of NULL. */
static char *
require_text_attribute (Reader     *reader,
                        xmlNodePtr  node,
                        const char *name)
{
  char *value = require_attribute (reader, node, name);

  return value != NULL ? value : g_strdup ("");
}

/* Reads the id attribute of a persona, phase, lane, card or tag, checking
 * that it is well-formed and unique in the whole document. A bad id is
 * still returned (NULL only when missing): references to it then resolve,
 * instead of every one of them being reported too. */
static char *
read_id (Reader     *reader,
         xmlNodePtr  node)
{
  g_autofree char *id = require_attribute (reader, node, "id");
  long line = waymark_format_node_line (node);
  gpointer first_line;

  if (id == NULL)
    return NULL;
  if (!is_valid_id (id))
    complain (reader, node,
              _("id “%s” may only contain letters, digits, “-”, “_” and “.”"), id);
  if (g_hash_table_lookup_extended (reader->ids, id, NULL, &first_line))
    complain (reader, node, _("duplicate id “%s” (first used on line %ld)"),
              id, (long) GPOINTER_TO_SIZE (first_line));
  else
    g_hash_table_insert (reader->ids, g_strdup (id), GSIZE_TO_POINTER ((gsize) MAX (line, 0)));
  return g_steal_pointer (&id);
}

/* An optional colour attribute; "" when absent or broken. */
static char *
read_color (Reader     *reader,
            xmlNodePtr  node)
{
  g_autofree char *color = get_attribute (node, "color");

  if (color == NULL)
    return g_strdup ("");
  if (!waymark_format_is_color (color))
    {
      complain (reader, node, _("colour “%s” is not of the form #rrggbb"), color);
      return g_strdup ("");
    }
  return g_steal_pointer (&color);
}

static char *
dup_attribute_or_empty (xmlNodePtr  node,
                        const char *name)
{
  char *value = get_attribute (node, name);

  return value != NULL ? value : g_strdup ("");
}

static GDateTime *
read_timestamp (Reader     *reader,
                xmlNodePtr  node)
{
  g_autofree char *text = get_text (node);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GDateTime *timestamp;

  /* The schema's pattern first: GLib also takes forms the format does
   * not (a space for the "T", no seconds). */
  if (!waymark_format_value_matches (WAYMARK_FORMAT_PATTERN_TIMESTAMP, text))
    {
      complain_schema (reader, node, _("“%s” is not a date and time like 2026-11-29T10:00:00Z"),
                       text);
      return NULL;
    }
  timestamp = g_date_time_new_from_iso8601 (stripped, NULL);
  if (timestamp == NULL)
    complain (reader, node, _("“%s” is not a date and time like 2026-11-29T10:00:00Z"), text);
  return timestamp;
}

typedef gpointer (*SwatchNew) (const char *id,
                               const char *name,
                               const char *color);

/* <tags> of <tag>, or <domains> of <domain>: an id, a name and a colour
 * each, collected into @list, their ids into @ids. */
static void
read_swatches (Reader     *reader,
               xmlNodePtr  swatches,
               const char *name,
               GHashTable *ids,
               GPtrArray  *list,
               SwatchNew   swatch_new)
{
  for (xmlNodePtr node = swatches->children; node != NULL; node = node->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *swatch_name = NULL;
      g_autofree char *color = NULL;

      if (!is_waymark_element (node, name))
        continue;
      id = read_id (reader, node);
      swatch_name = require_text_attribute (reader, node, "name");
      color = read_color (reader, node);
      if (id != NULL)
        {
          g_hash_table_add (ids, g_strdup (id));
          g_ptr_array_add (list, swatch_new (id, swatch_name, color));
        }
    }
}

static void
read_phase (Reader         *reader,
            WaymarkPersona *persona,
            GHashTable     *phases,
            xmlNodePtr      node)
{
  g_autofree char *id = read_id (reader, node);
  g_autofree char *name = require_text_attribute (reader, node, "name");
  WaymarkPhase *phase;

  if (id == NULL)
    return;
  phase = waymark_phase_new (id, name);
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_waymark_element (child, "description"))
        {
          g_free (phase->description);
          phase->description = get_text (child);
        }
    }
  g_ptr_array_add (persona->phases, phase);
  g_hash_table_insert (phases, phase->base.id, phase);
}

static void
read_lane (Reader         *reader,
           WaymarkPersona *persona,
           GHashTable     *lanes,
           xmlNodePtr      node)
{
  g_autofree char *id = read_id (reader, node);
  g_autofree char *name = require_text_attribute (reader, node, "name");
  g_autofree char *kind_name = require_attribute (reader, node, "kind");
  g_autofree char *color = read_color (reader, node);
  WaymarkLaneKind kind = WAYMARK_LANE_NOTES;
  int scale_min = WAYMARK_DEFAULT_SCALE_MIN;
  int scale_max = WAYMARK_DEFAULT_SCALE_MAX;
  gboolean kind_known = TRUE;
  gboolean scale_ok;
  WaymarkLane *lane;
  LaneInfo *info;

  if (kind_name == NULL)
    kind_known = FALSE;
  else if (!waymark_lane_kind_from_string (kind_name, &kind))
    {
      g_autofree char *kinds = waymark_lane_kind_dup_name_list ();

      /* TRANSLATORS: the second %s lists the lane kinds, "actions, … or notes" */
      complain (reader, node, _("unknown lane kind “%s” (expected %s)"), kind_name, kinds);
      kind_known = FALSE;
    }

  scale_ok = read_int_attribute (reader, node, "min", -WAYMARK_FORMAT_SCALE_LIMIT,
                                 WAYMARK_FORMAT_SCALE_LIMIT, &scale_min);
  scale_ok &= read_int_attribute (reader, node, "max", -WAYMARK_FORMAT_SCALE_LIMIT,
                                  WAYMARK_FORMAT_SCALE_LIMIT, &scale_max);
  if (scale_ok && scale_min >= scale_max)
    {
      complain (reader, node, _("the scale's minimum (%d) must be below its maximum (%d)"),
                scale_min, scale_max);
      scale_ok = FALSE;
    }

  if (id == NULL)
    return;

  lane = waymark_lane_new (id, name, kind);
  g_free (lane->color);
  lane->color = g_steal_pointer (&color);
  lane->scale_min = scale_min;
  lane->scale_max = scale_max;
  g_ptr_array_add (persona->lanes, lane);

  info = g_new0 (LaneInfo, 1);
  info->lane = lane;
  info->scale_ok = scale_ok;
  info->kind_known = kind_known;
  g_hash_table_insert (lanes, lane->base.id, info);
}

/* What a message calls a card or a point. Put into words only when there
 * is something to complain about: formatting and translating it for every
 * card cost more than the rest of checking a card. */
typedef struct {
  const char *card_id;   /* NULL for a card without an id */
  gboolean    is_point;
  char       *name;
} Subject;

static const char *
subject_name (Subject *subject)
{
  if (subject->name == NULL)
    {
      if (subject->is_point)
        subject->name = g_strdup (_("an emotion point"));
      else if (subject->card_id != NULL)
        subject->name = g_strdup_printf (_("card “%s”"), subject->card_id);
      else
        subject->name = g_strdup (_("a card"));
    }
  return subject->name;
}

static void
subject_clear (Subject *subject)
{
  g_clear_pointer (&subject->name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Subject, subject_clear)

/* Checks that a card's or point's lane and phase exist in this persona. */
static gboolean
read_cell (Reader      *reader,
           xmlNodePtr   node,
           Subject     *what,
           GHashTable  *lanes,
           GHashTable  *phases,
           char       **lane_id,
           char       **phase_id,
           LaneInfo   **lane_info)
{
  gboolean ok = TRUE;

  *lane_id = require_attribute (reader, node, "lane");
  *phase_id = require_attribute (reader, node, "phase");
  *lane_info = NULL;

  if (*lane_id != NULL)
    {
      *lane_info = g_hash_table_lookup (lanes, *lane_id);
      if (*lane_info == NULL)
        {
          complain (reader, node, _("%s refers to lane “%s”, which this persona does not have"),
                    subject_name (what), *lane_id);
          ok = FALSE;
        }
      else
        check_reference_form (reader, node, *lane_id);
    }
  else
    ok = FALSE;

  if (*phase_id != NULL)
    {
      if (!g_hash_table_contains (phases, *phase_id))
        {
          complain (reader, node,
                    _("%s refers to phase “%s”, which this persona does not have"),
                    subject_name (what), *phase_id);
          ok = FALSE;
        }
      else
        check_reference_form (reader, node, *phase_id);
    }
  else
    ok = FALSE;

  return ok;
}

static void
read_card (Reader         *reader,
           WaymarkPersona *persona,
           GHashTable     *lanes,
           GHashTable     *phases,
           xmlNodePtr      node)
{
  g_autofree char *id = read_id (reader, node);
  g_auto (Subject) what = { id, FALSE, NULL };
  g_autofree char *lane_id = NULL;
  g_autofree char *phase_id = NULL;
  g_autofree char *color = read_color (reader, node);
  /* Made at the first <tag>: most cards have none. tag_refs owns the
   * refs; seen_tags only looks at them. */
  g_autoptr (GPtrArray) tag_refs = NULL;
  g_autoptr (GHashTable) seen_tags = NULL;
  g_autofree char *text = NULL;
  g_autofree char *evidence = NULL;
  LaneInfo *lane_info;
  int span = 1;
  gboolean ok;
  WaymarkCard *card;

  ok = read_cell (reader, node, &what, lanes, phases, &lane_id, &phase_id, &lane_info);
  if (lane_info != NULL && lane_info->kind_known &&
      !waymark_lane_kind_holds_cards (lane_info->lane->kind))
    {
      complain (reader, node,
                _("%s is in lane “%s”, an emotions lane; "
                  "emotions lanes hold points, not cards"),
                subject_name (&what), lane_id);
      ok = FALSE;
    }
  ok &= read_int_attribute (reader, node, "span", 1, WAYMARK_FORMAT_MAX_SPAN, &span);

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_waymark_element (child, "text"))
        {
          g_free (text);
          text = get_text (child);
        }
      else if (is_waymark_element (child, "evidence"))
        {
          g_free (evidence);
          evidence = get_text (child);
        }
      else if (is_waymark_element (child, "tag"))
        {
          g_autofree char *ref = require_attribute (reader, child, "ref");

          if (ref == NULL)
            continue;
          if (!g_hash_table_contains (reader->tags, ref))
            {
              complain (reader, child, _("%s refers to tag “%s”, which does not exist"),
                        subject_name (&what), ref);
              ok = FALSE;
              continue;
            }
          check_reference_form (reader, child, ref);
          if (seen_tags == NULL)
            {
              tag_refs = g_ptr_array_new_with_free_func (g_free);
              seen_tags = g_hash_table_new (g_str_hash, g_str_equal);
            }
          if (g_hash_table_contains (seen_tags, ref))
            {
              complain (reader, child, _("%s has tag “%s” twice"), subject_name (&what), ref);
              ok = FALSE;
            }
          else
            {
              g_hash_table_add (seen_tags, ref);
              g_ptr_array_add (tag_refs, g_steal_pointer (&ref));
            }
        }
    }

  /* Even a card with problems: a link to it is not a second one. */
  if (id != NULL && reader->card_ids != NULL)
    g_hash_table_add (reader->card_ids, g_strdup (id));
  if (id == NULL || !ok)
    return;

  card = waymark_card_new (id, lane_id, phase_id, text);
  card->span = span;
  g_free (card->color);
  card->color = g_steal_pointer (&color);
  if (evidence != NULL)
    {
      g_free (card->evidence);
      card->evidence = g_steal_pointer (&evidence);
    }
  if (tag_refs != NULL)
    {
      g_clear_pointer (&seen_tags, g_hash_table_unref);
      g_ptr_array_set_free_func (tag_refs, NULL);
      g_ptr_array_add (tag_refs, NULL);
      g_strfreev (card->tags);
      card->tags = (char **) g_ptr_array_free (g_steal_pointer (&tag_refs), FALSE);
    }
  g_ptr_array_add (persona->cards, card);
}

static void
read_point (Reader         *reader,
            WaymarkPersona *persona,
            GHashTable     *lanes,
            GHashTable     *phases,
            GHashTable     *points,
            xmlNodePtr      node)
{
  g_autofree char *lane_id = NULL;
  g_autofree char *phase_id = NULL;
  g_autofree char *score_text = require_attribute (reader, node, "score");
  g_autofree char *label = dup_attribute_or_empty (node, "label");
  g_auto (Subject) what = { NULL, TRUE, NULL };
  LaneInfo *lane_info;
  NumberStatus status;
  int score = 0;
  gboolean ok;

  ok = read_cell (reader, node, &what, lanes, phases, &lane_id, &phase_id, &lane_info);
  if (lane_info != NULL && lane_info->kind_known &&
      !waymark_lane_kind_holds_emotions (lane_info->lane->kind))
    {
      complain (reader, node,
                _("an emotion point is in lane “%s”, which is not an emotions lane"), lane_id);
      ok = FALSE;
    }

  if (score_text == NULL)
    ok = FALSE;  /* the schema says it is missing */
  else if ((status = parse_int (score_text, &score)) != NUMBER_OK)
    {
      complain_number (reader, node, "score", score_text, status);
      ok = FALSE;
    }
  else if (lane_info != NULL && lane_info->scale_ok &&
           waymark_lane_kind_holds_emotions (lane_info->lane->kind) &&
           (score < lane_info->lane->scale_min || score > lane_info->lane->scale_max))
    {
      complain (reader, node, _("score %d is outside the scale of lane “%s” (%d to %d)"),
                score, lane_id, lane_info->lane->scale_min, lane_info->lane->scale_max);
      ok = FALSE;
    }

  if (lane_id != NULL && phase_id != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%s", lane_id, phase_id);
      gpointer first_line;

      if (g_hash_table_lookup_extended (points, key, NULL, &first_line))
        {
          complain (reader, node,
                    _("a second emotion point for lane “%s” in phase “%s” "
                      "(the first is on line %ld)"),
                    lane_id, phase_id, (long) GPOINTER_TO_SIZE (first_line));
          ok = FALSE;
        }
      else
        g_hash_table_insert (points, g_steal_pointer (&key),
                             GSIZE_TO_POINTER ((gsize) MAX (waymark_format_node_line (node), 0)));
    }

  if (ok)
    g_ptr_array_add (persona->emotions,
                     waymark_emotion_point_new (lane_id, phase_id, score, label));
}

static void
read_persona (Reader     *reader,
              xmlNodePtr  node)
{
  g_autofree char *id = read_id (reader, node);
  g_autofree char *name = require_text_attribute (reader, node, "name");
  g_autoptr (WaymarkPersona) persona = NULL;
  g_autoptr (GHashTable) phases = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) lanes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr (GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  char *color;

  /* Built even without a usable id, so that its children are checked. */
  persona = waymark_persona_new (id != NULL ? id : "", name);
  color = read_color (reader, node);
  g_free (persona->color);
  persona->color = color;
  g_free (persona->initials);
  persona->initials = dup_attribute_or_empty (node, "initials");

  /* Phases and lanes first, so that cards and points may be checked
   * against them whatever order a hand-edited file has. */
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_waymark_element (child, "ambition"))
        {
          g_free (persona->ambition);
          persona->ambition = get_text (child);
        }
      else if (is_waymark_element (child, "description"))
        {
          g_free (persona->description);
          persona->description = get_text (child);
        }
      else if (is_waymark_element (child, "phases"))
        {
          for (xmlNodePtr phase = child->children; phase != NULL; phase = phase->next)
            if (is_waymark_element (phase, "phase"))
              read_phase (reader, persona, phases, phase);
        }
      else if (is_waymark_element (child, "lanes"))
        {
          for (xmlNodePtr lane = child->children; lane != NULL; lane = lane->next)
            if (is_waymark_element (lane, "lane"))
              read_lane (reader, persona, lanes, lane);
        }
    }

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (is_waymark_element (child, "cards"))
        {
          for (xmlNodePtr card = child->children; card != NULL; card = card->next)
            if (is_waymark_element (card, "card"))
              read_card (reader, persona, lanes, phases, card);
        }
      else if (is_waymark_element (child, "emotions"))
        {
          for (xmlNodePtr point = child->children; point != NULL; point = point->next)
            if (is_waymark_element (point, "point"))
              read_point (reader, persona, lanes, phases, points, point);
        }
    }

  if (id != NULL)
    g_ptr_array_add (reader->personas, g_steal_pointer (&persona));
}

static void
replace_text (char       **slot,
              xmlNodePtr   node)
{
  g_free (*slot);
  *slot = get_text (node);
}

/* What messages call a recommendation. */
static char *
dup_recommendation_name (const char *id)
{
  return id != NULL ? g_strdup_printf (_("recommendation “%s”"), id)
                    : g_strdup (_("a recommendation"));
}

static void
read_recommendation (Reader     *reader,
                     xmlNodePtr  node)
{
  g_autofree char *id = read_id (reader, node);
  g_autofree char *what = dup_recommendation_name (id);
  g_autofree char *domain_id = get_attribute (node, "domain");
  g_autofree char *status_name = get_attribute (node, "status");
  g_autoptr (GStrvBuilder) cards = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (WaymarkRecommendation) recommendation = waymark_recommendation_new (id, NULL);
  gboolean ok = TRUE;

  if (domain_id != NULL && !g_hash_table_contains (reader->domains, domain_id))
    {
      complain (reader, node, _("%s refers to domain “%s”, which does not exist"), what,
                domain_id);
      ok = FALSE;
    }
  else if (domain_id != NULL)
    {
      check_reference_form (reader, node, domain_id);
      g_free (recommendation->domain_id);
      recommendation->domain_id = g_steal_pointer (&domain_id);
    }
  if (status_name != NULL && !waymark_status_from_string (status_name, &recommendation->status))
    {
      g_autofree char *statuses = waymark_status_dup_name_list ();

      /* TRANSLATORS: the second %s lists the statuses, "open, … or dropped" */
      complain (reader, node, _("unknown status “%s” (expected %s)"), status_name, statuses);
      ok = FALSE;
    }
  ok &= read_int_attribute (reader, node, "value", WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX,
                            &recommendation->value);
  ok &= read_int_attribute (reader, node, "effort", WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX,
                            &recommendation->effort);
  g_free (recommendation->owner);
  recommendation->owner = dup_attribute_or_empty (node, "owner");

  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      g_autofree char *card_id = NULL;

      if (is_waymark_element (child, "title"))
        replace_text (&recommendation->title, child);
      else if (is_waymark_element (child, "description"))
        replace_text (&recommendation->description, child);
      else if (!is_waymark_element (child, "addresses"))
        continue;
      else if ((card_id = require_attribute (reader, child, "card")) == NULL)
        ok = FALSE;
      else if (!g_hash_table_contains (reader->card_ids, card_id))
        {
          complain (reader, child, _("%s addresses card “%s”, which does not exist"), what,
                    card_id);
          ok = FALSE;
        }
      else if (g_hash_table_contains (seen, card_id))
        {
          complain (reader, child, _("%s addresses card “%s” twice"), what, card_id);
          ok = FALSE;
        }
      else
        {
          check_reference_form (reader, child, card_id);
          g_strv_builder_add (cards, card_id);
          g_hash_table_add (seen, g_steal_pointer (&card_id));
        }
    }

  if (id == NULL || !ok)
    return;
  g_strfreev (recommendation->cards);
  recommendation->cards = g_strv_builder_end (cards);
  g_ptr_array_add (reader->recommendations, g_steal_pointer (&recommendation));
}

/* Whether the file's version has @node's element; complains when not. */
static gboolean
check_version (Reader     *reader,
               xmlNodePtr  node)
{
  if (reader->version == 0 || reader->version >= WAYMARK_FORMAT_VERSION_RECOMMENDATIONS)
    return TRUE;
  complain (reader, node, _("<%s> needs format version %d; this file says version %d"),
            (const char *) node->name, WAYMARK_FORMAT_VERSION_RECOMMENDATIONS, reader->version);
  return FALSE;
}

void
waymark_format_reader_read (WaymarkFormatReader *reader,
                            xmlNodePtr           root)
{
  g_autofree char *version = require_attribute (reader, root, "version");
  g_autofree char *language = get_attribute (root, "lang");

  if (g_strcmp0 (version, "1") == 0)
    reader->version = 1;
  else if (g_strcmp0 (version, "2") == 0)
    reader->version = 2;
  else if (version != NULL)
    complain (reader, root, _("unsupported format version “%s”"), version);
  if (language != NULL && !waymark_format_value_matches (WAYMARK_FORMAT_PATTERN_LANGUAGE, language))
    complain_schema (reader, root, _("language “%s” is not a language tag such as “nl” or “en-GB”"),
                     language);
  else if (language != NULL)
    reader->language = g_steal_pointer (&language);
  read_int_attribute (reader, root, "column-width", WAYMARK_FORMAT_COLUMN_WIDTH_MIN,
                      WAYMARK_FORMAT_COLUMN_WIDTH_MAX, &reader->column_width);

  /* Tags first: cards refer to them. Cards are collected for
   * recommendations only when there are any. */
  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (is_waymark_element (child, "tags"))
        read_swatches (reader, child, "tag", reader->tags, reader->tag_list,
                       (SwatchNew) waymark_tag_new);
      else if (is_waymark_element (child, "recommendations") && reader->card_ids == NULL)
        reader->card_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }

  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (is_waymark_element (child, "title"))
        replace_text (&reader->title, child);
      else if (is_waymark_element (child, "author"))
        replace_text (&reader->author, child);
      else if (is_waymark_element (child, "description"))
        replace_text (&reader->description, child);
      else if (is_waymark_element (child, "created"))
        {
          g_clear_pointer (&reader->created, g_date_time_unref);
          reader->created = read_timestamp (reader, child);
        }
      else if (is_waymark_element (child, "modified"))
        {
          g_clear_pointer (&reader->modified, g_date_time_unref);
          reader->modified = read_timestamp (reader, child);
        }
      else if (is_waymark_element (child, "persona"))
        read_persona (reader, child);
      else if (is_waymark_element (child, "domains") && check_version (reader, child))
        read_swatches (reader, child, "domain", reader->domains, reader->domain_list,
                       (SwatchNew) waymark_domain_new);
    }

  /* Recommendations last: they refer to domains and address the cards of
   * every persona. */
  for (xmlNodePtr child = root->children; child != NULL; child = child->next)
    {
      if (!is_waymark_element (child, "recommendations") || !check_version (reader, child))
        continue;
      for (xmlNodePtr node = child->children; node != NULL; node = node->next)
        if (is_waymark_element (node, "recommendation"))
          read_recommendation (reader, node);
    }
}

WaymarkFormatReader *
waymark_format_reader_new (WaymarkFormatChecker *checker)
{
  WaymarkFormatReader *reader = g_new0 (WaymarkFormatReader, 1);

  reader->checker = checker;
  reader->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  reader->lines = g_hash_table_new (NULL, NULL);
  reader->column_width = WAYMARK_DEFAULT_COLUMN_WIDTH;
  reader->tag_list = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_tag_free);
  reader->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_persona_free);
  reader->domain_list = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_domain_free);
  reader->recommendations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_recommendation_free);
  return reader;
}

GHashTable *
waymark_format_reader_get_lines (WaymarkFormatReader *reader)
{
  return reader->lines;
}

void
waymark_format_reader_free (WaymarkFormatReader *reader)
{
  if (reader == NULL)
    return;
  g_clear_pointer (&reader->ids, g_hash_table_unref);
  g_clear_pointer (&reader->tags, g_hash_table_unref);
  g_clear_pointer (&reader->domains, g_hash_table_unref);
  g_clear_pointer (&reader->card_ids, g_hash_table_unref);
  g_clear_pointer (&reader->lines, g_hash_table_unref);
  g_clear_pointer (&reader->title, g_free);
  g_clear_pointer (&reader->author, g_free);
  g_clear_pointer (&reader->language, g_free);
  g_clear_pointer (&reader->description, g_free);
  g_clear_pointer (&reader->created, g_date_time_unref);
  g_clear_pointer (&reader->modified, g_date_time_unref);
  g_clear_pointer (&reader->tag_list, g_ptr_array_unref);
  g_clear_pointer (&reader->personas, g_ptr_array_unref);
  g_clear_pointer (&reader->domain_list, g_ptr_array_unref);
  g_clear_pointer (&reader->recommendations, g_ptr_array_unref);
  g_free (reader);
}

/* A waymark_document_insert_*() function: takes the object, appends it
 * (-1) and returns its id. */
typedef const char *(*InsertFunc) (WaymarkDocument *document,
                                   gpointer         object,
                                   int              index);

/* Inserts all of @objects (WaymarkObject*), emptying the array. The edit
 * functions check what the reader checked, so an object that does not
 * get in, or not with its own id, is this program's fault. */
static void
insert_all (WaymarkDocument      *document,
            WaymarkFormatChecker *checker,
            GPtrArray            *objects,
            InsertFunc            insert)
{
  gsize n = 0;
  g_autofree gpointer *items = g_ptr_array_steal (objects, &n);

  for (gsize i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup (((WaymarkObject *) items[i])->id);
      const char *got = insert (document, items[i], -1);

      if (g_strcmp0 (got, id) != 0)
        waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_SEMANTIC,
                               _("internal error: “%s” could not keep its id"), id);
    }
}

/* Hands what was read to a new document through its edit functions, then
 * forgets those edits: a freshly loaded document is unmodified. */
WaymarkDocument *
waymark_format_reader_build (WaymarkFormatReader *reader)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  WaymarkFormatChecker *checker = reader->checker;

  if (reader->title != NULL)
    waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, reader->title);
  if (reader->author != NULL)
    waymark_document_set_text (document, NULL, WAYMARK_FIELD_AUTHOR, reader->author);
  if (reader->language != NULL)
    waymark_document_set_text (document, NULL, WAYMARK_FIELD_LANGUAGE, reader->language);
  if (reader->description != NULL)
    waymark_document_set_text (document, NULL, WAYMARK_FIELD_DESCRIPTION, reader->description);
  waymark_document_set_int (document, NULL, WAYMARK_FIELD_COLUMN_WIDTH, reader->column_width);
  if (reader->created != NULL)
    waymark_document_set_created (document, reader->created);
  if (reader->modified != NULL)
    waymark_document_set_modified (document, reader->modified);

  /* In this order: what is referred to before what refers to it. */
  insert_all (document, checker, reader->tag_list, (InsertFunc) waymark_document_insert_tag);
  insert_all (document, checker, reader->personas, (InsertFunc) waymark_document_insert_persona);
  insert_all (document, checker, reader->domain_list,
              (InsertFunc) waymark_document_insert_domain);
  insert_all (document, checker, reader->recommendations,
              (InsertFunc) waymark_document_insert_recommendation);

  waymark_history_clear (waymark_document_get_history (document));

  if (checker->problems->len > 0)
    return NULL;
  return g_steal_pointer (&document);
}
