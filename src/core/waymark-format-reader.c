/* waymark-format-reader.c: the semantic pass of the loader, and the model it builds
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The parser (waymark-format-parse.c) streams the file's elements and
 * text here; no XML tree is built. Each element is placed by the schema
 * (waymark-format-grammar.c), and what it holds goes straight into the
 * model's objects. Checked on the way is what a schema cannot express:
 * ids unique in the whole document, references to phases, lanes, tags,
 * domains and cards that exist, scores within their lane's scale, one
 * point per cell, no cards in emotions lanes, the version a file's
 * elements need, and the syntax of values, with messages that name the
 * value and the rule.
 *
 * Ids are checked as they come, so "first used on line N" is the first in
 * the file. What refers to something is checked once the whole document
 * is read (waymark_format_reader_finish()), in the order of the file:
 * a hand-edited file may have its lanes after its cards, or its tags at
 * the end, and is then still checked for what it says. The content
 * becomes a document only when nothing was wrong. Everything is written
 * defensively: it also runs over documents the schema refuses, so that
 * `waymark validate` reports as much as it can in one go.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-document-private.h"
#include "waymark-format-private.h"
#include "waymark-recommendation.h"

#define NS ((const xmlChar *) WAYMARK_FORMAT_NAMESPACE)
#define MAX_DEPTH (WAYMARK_LIMIT_DEPTH + 1)

/* What cards and points need to know about their lane. */
typedef struct {
  WaymarkLane *lane;
  gboolean     scale_ok;    /* FALSE: min/max were broken, skip range checks */
  gboolean     kind_known;  /* FALSE: lane->kind is a stand-in */
} LaneInfo;

/* A reference in a child element: a card's <tag ref>, a recommendation's
 * <addresses card>. */
typedef struct {
  char *id;    /* NULL: the attribute is missing */
  long  line;
} Reference;

/* A card as written, checked at the end. The strings are NULL when the
 * attribute or element is absent. */
typedef struct {
  long    line;
  char   *id;
  char   *lane_id;
  char   *phase_id;
  char   *span;
  char   *color;
  char   *text;
  char   *evidence;
  GArray *tags;   /* Reference; NULL for none, as most cards */
} PendingCard;

typedef struct {
  long  line;
  char *lane_id;
  char *phase_id;
  char *score;
  char *label;
} PendingPoint;

typedef struct {
  WaymarkPersona *persona;  /* with id "" when it has none */
  gboolean        has_id;
  GHashTable     *phases;   /* id → WaymarkPhase*, borrowed */
  GHashTable     *lanes;    /* id → LaneInfo* */
  GArray         *cards;    /* PendingCard */
  GArray         *points;   /* PendingPoint */
} PersonaState;

typedef struct {
  long                   line;
  char                  *id;
  WaymarkRecommendation *recommendation;
  char                  *domain_id;
  char                  *status;
  char                  *value;
  char                  *effort;
  GArray                *addresses;  /* Reference */
} PendingRecommendation;

typedef struct {
  WaymarkFormatElement element;
  guint                position;      /* among the schema's children */
  long                 line;
  gboolean             text_refused;  /* once per element */
  gboolean             muted;         /* not read (version-2 elements in version 1) */
} Frame;

struct _WaymarkFormatReader {
  WaymarkFormatChecker *checker;
  WaymarkFormatGrammar  grammar;
  GPtrArray            *problems;   /* the reader's, reported at the end */
  guint                 n_dropped;
  GHashTable           *lines;      /* lines this pass complained about */

  Frame                 stack[MAX_DEPTH];
  guint                 depth;
  guint                 skip_depth; /* inside an element the schema refused */
  guint                 muted;      /* inside muted frames */
  gboolean              started;    /* the root was seen */
  gboolean              refused;    /* not a Waymark document we read */
  GString              *text;       /* of the current text element */

  GHashTable           *ids;        /* id (the object's string) → line of first use */
  GHashTable           *tags;       /* the ids of the document's tags */
  GHashTable           *domains;    /* the ids of the document's domains */
  gboolean              has_recommendations;
  int                   version;    /* the file's format version; 0 when unusable */

  /* What is being read. */
  PersonaState         *persona;
  WaymarkPhase         *phase;
  PendingCard          *card;       /* in persona->cards, until the next card */
  PendingRecommendation *recommendation;
  char                 *fact_label; /* of the <fact> being read */

  /* What was read. */
  char                 *title;
  char                 *author;
  char                 *language;
  char                 *description;
  int                   column_width;
  GDateTime            *created;
  GDateTime            *modified;
  GPtrArray            *tag_list;         /* WaymarkTag* */
  GPtrArray            *personas;         /* PersonaState* */
  GPtrArray            *domain_list;      /* WaymarkDomain* */
  GPtrArray            *recommendations;  /* PendingRecommendation* */
};

typedef WaymarkFormatReader Reader;

/* Complaints */

static void
complain_valist (Reader             *reader,
                 long                line,
                 WaymarkFormatError  code,
                 const char         *format,
                 va_list             args)
{
  g_hash_table_add (reader->lines, GINT_TO_POINTER ((int) MIN (line, G_MAXINT)));
  if (reader->problems->len >= WAYMARK_FORMAT_MAX_PROBLEMS)
    {
      reader->n_dropped++;
      return;
    }
  g_ptr_array_add (reader->problems,
                   waymark_format_problem_new (reader->checker, line, 1, code,
                                               g_strdup_vprintf (format, args)));
}

G_GNUC_PRINTF (3, 4)
static void
complain (Reader     *reader,
          long        line,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  complain_valist (reader, line, WAYMARK_FORMAT_ERROR_SEMANTIC, format, args);
  va_end (args);
}

/* For the value patterns of the schema, which the reader explains in its
 * place: still a schema error. */
G_GNUC_PRINTF (3, 4)
static void
complain_schema (Reader     *reader,
                 long        line,
                 const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  complain_valist (reader, line, WAYMARK_FORMAT_ERROR_SCHEMA, format, args);
  va_end (args);
}

/* Values */

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
                 long          line,
                 const char   *name,
                 const char   *text,
                 NumberStatus  status)
{
  if (status == NUMBER_TOO_LARGE)
    complain (reader, line, _("%s “%s” is out of range"), name, text);
  else
    complain (reader, line, _("%s “%s” is not a whole number"), name, text);
}

/* Reads an integer; complains and returns FALSE when it is there but not
 * a whole number within [min, max]. @value keeps its default when @text
 * is NULL (the attribute is absent). */
static gboolean
read_int (Reader     *reader,
          long        line,
          const char *name,
          const char *text,
          int         min,
          int         max,
          int        *value)
{
  NumberStatus status;
  int number = 0;

  if (text == NULL)
    return TRUE;
  status = parse_int (text, &number);
  if (status != NUMBER_OK)
    {
      complain_number (reader, line, name, text, status);
      return FALSE;
    }
  if (number < min || number > max)
    {
      complain (reader, line, _("%s must be between %d and %d, not %d"), name, min, max, number);
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
 * both certainly accept. */
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
                      long        line,
                      const char *ref)
{
  if (!is_valid_id (ref))
    complain_schema (reader, line,
                     _("id “%s” may only contain letters, digits, “-”, “_” and “.”"), ref);
}

/* A required attribute: complains when it is missing. */
static char *
require (Reader                   *reader,
         long                      line,
         const char               *element,
         const char               *name,
         const WaymarkFormatValue *value)
{
  char *text = waymark_format_value_dup (value);

  if (text == NULL)
    complain (reader, line, _("<%s> lacks the “%s” attribute"), element, name);
  return text;
}

/* Like require(), but "" instead of NULL. */
static char *
require_text (Reader                   *reader,
              long                      line,
              const char               *element,
              const char               *name,
              const WaymarkFormatValue *value)
{
  char *text = require (reader, line, element, name, value);

  return text != NULL ? text : g_strdup ("");
}

static char *
dup_or_empty (const WaymarkFormatValue *value)
{
  char *text = waymark_format_value_dup (value);

  return text != NULL ? text : g_strdup ("");
}

/* Checks that @id is well-formed and unique in the whole document, and
 * remembers it; @id must live as long as the reader (it is the key). */
static void
check_id (Reader     *reader,
          long        line,
          const char *id)
{
  gpointer first_line;

  if (!is_valid_id (id))
    complain (reader, line, _("id “%s” may only contain letters, digits, “-”, “_” and “.”"), id);
  if (g_hash_table_lookup_extended (reader->ids, id, NULL, &first_line))
    complain (reader, line, _("duplicate id “%s” (first used on line %ld)"), id,
              (long) GPOINTER_TO_SIZE (first_line));
  else
    g_hash_table_insert (reader->ids, (gpointer) id, GSIZE_TO_POINTER ((gsize) MAX (line, 0)));
}

/* Puts @id, checked by check_id(), in place of the copy an object's
 * constructor made, so that the ids table's key is the object's id. */
static void
adopt_id (WaymarkObject *object,
          char          *id)
{
  g_free (object->id);
  object->id = id;
}

/* An optional colour, taken: "" when absent or broken. */
static char *
take_color (Reader *reader,
            long    line,
            char   *color)
{
  if (color == NULL)
    return g_strdup ("");
  if (!waymark_format_is_color (color))
    {
      complain (reader, line, _("colour “%s” is not of the form #rrggbb"), color);
      g_free (color);
      return g_strdup ("");
    }
  return color;
}

static GDateTime *
read_timestamp (Reader     *reader,
                long        line,
                const char *text)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  GDateTime *timestamp;

  /* The schema's pattern first: GLib also takes forms the format does
   * not (a space for the "T", no seconds). */
  if (!waymark_format_value_matches (WAYMARK_FORMAT_PATTERN_TIMESTAMP, text))
    {
      complain_schema (reader, line, _("“%s” is not a date and time like 2026-11-29T10:00:00Z"),
                       text);
      return NULL;
    }
  timestamp = g_date_time_new_from_iso8601 (stripped, NULL);
  if (timestamp == NULL)
    complain (reader, line, _("“%s” is not a date and time like 2026-11-29T10:00:00Z"), text);
  return timestamp;
}

/* Freeing */

static void
reference_clear (Reference *reference)
{
  g_clear_pointer (&reference->id, g_free);
}

static GArray *
reference_array_new (void)
{
  GArray *array = g_array_new (FALSE, TRUE, sizeof (Reference));

  g_array_set_clear_func (array, (GDestroyNotify) reference_clear);
  return array;
}

static void
pending_card_clear (PendingCard *card)
{
  g_free (card->id);
  g_free (card->lane_id);
  g_free (card->phase_id);
  g_free (card->span);
  g_free (card->color);
  g_free (card->text);
  g_free (card->evidence);
  g_clear_pointer (&card->tags, g_array_unref);
}

static void
pending_point_clear (PendingPoint *point)
{
  g_free (point->lane_id);
  g_free (point->phase_id);
  g_free (point->score);
  g_free (point->label);
}

static void
persona_state_free (PersonaState *state)
{
  g_clear_pointer (&state->persona, waymark_persona_free);
  g_clear_pointer (&state->phases, g_hash_table_unref);
  g_clear_pointer (&state->lanes, g_hash_table_unref);
  g_clear_pointer (&state->cards, g_array_unref);
  g_clear_pointer (&state->points, g_array_unref);
  g_free (state);
}

static void
pending_recommendation_free (PendingRecommendation *pending)
{
  g_free (pending->id);
  g_clear_pointer (&pending->recommendation, waymark_recommendation_free);
  g_free (pending->domain_id);
  g_free (pending->status);
  g_free (pending->value);
  g_free (pending->effort);
  g_clear_pointer (&pending->addresses, g_array_unref);
  g_free (pending);
}

/* Start tags */

/* <tag> in <tags>, or <domain> in <domains>: an id, a name and a colour
 * each, collected into @list, their ids into @ids. */
static void
read_swatch (Reader                   *reader,
             long                      line,
             const char               *element,
             const WaymarkFormatValue *values,
             GHashTable               *ids,
             GPtrArray                *list,
             gboolean                  is_tag)
{
  char *id = require (reader, line, element, "id", &values[WAYMARK_FORMAT_ATTRIBUTE_ID]);
  g_autofree char *name = NULL;
  g_autofree char *color = NULL;
  WaymarkObject *object;

  if (id != NULL)
    check_id (reader, line, id);
  name = require_text (reader, line, element, "name", &values[WAYMARK_FORMAT_ATTRIBUTE_NAME]);
  color = take_color (reader, line,
                      waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_COLOR]));
  if (id == NULL)
    return;
  object = is_tag ? (WaymarkObject *) waymark_tag_new (id, name, color)
                  : (WaymarkObject *) waymark_domain_new (id, name, color);
  adopt_id (object, id);
  g_hash_table_add (ids, object->id);
  g_ptr_array_add (list, object);
}

static void
start_persona (Reader                   *reader,
               long                      line,
               const WaymarkFormatValue *values)
{
  char *id = require (reader, line, "persona", "id", &values[WAYMARK_FORMAT_ATTRIBUTE_ID]);
  g_autofree char *name = NULL;
  PersonaState *state = g_new0 (PersonaState, 1);
  WaymarkPersona *persona;

  if (id != NULL)
    check_id (reader, line, id);
  name = require_text (reader, line, "persona", "name", &values[WAYMARK_FORMAT_ATTRIBUTE_NAME]);
  /* Built even without a usable id, so that its children are checked. */
  state->persona = persona = waymark_persona_new ("", name);
  state->has_id = id != NULL;
  if (id != NULL)
    adopt_id (&persona->base, id);
  g_free (persona->color);
  persona->color = take_color (reader, line,
                               waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_COLOR]));
  g_free (persona->initials);
  persona->initials = dup_or_empty (&values[WAYMARK_FORMAT_ATTRIBUTE_INITIALS]);
  state->phases = g_hash_table_new (g_str_hash, g_str_equal);
  state->lanes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  state->cards = g_array_new (FALSE, TRUE, sizeof (PendingCard));
  g_array_set_clear_func (state->cards, (GDestroyNotify) pending_card_clear);
  state->points = g_array_new (FALSE, TRUE, sizeof (PendingPoint));
  g_array_set_clear_func (state->points, (GDestroyNotify) pending_point_clear);
  g_ptr_array_add (reader->personas, state);
  reader->persona = state;
}

static void
start_phase (Reader                   *reader,
             long                      line,
             const WaymarkFormatValue *values)
{
  char *id = require (reader, line, "phase", "id", &values[WAYMARK_FORMAT_ATTRIBUTE_ID]);
  g_autofree char *name = NULL;
  WaymarkPhase *phase;

  if (id != NULL)
    check_id (reader, line, id);
  name = require_text (reader, line, "phase", "name", &values[WAYMARK_FORMAT_ATTRIBUTE_NAME]);
  reader->phase = NULL;
  if (id == NULL)
    return;
  phase = waymark_phase_new ("", name);
  adopt_id (&phase->base, id);
  g_ptr_array_add (reader->persona->persona->phases, phase);
  g_hash_table_insert (reader->persona->phases, phase->base.id, phase);
  reader->phase = phase;
}

static void
start_lane (Reader                   *reader,
            long                      line,
            const WaymarkFormatValue *values)
{
  char *id = require (reader, line, "lane", "id", &values[WAYMARK_FORMAT_ATTRIBUTE_ID]);
  g_autofree char *name = NULL;
  g_autofree char *kind_name = NULL;
  g_autofree char *min = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_MIN]);
  g_autofree char *max = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_MAX]);
  char *color;
  WaymarkLaneKind kind = WAYMARK_LANE_NOTES;
  int scale_min = WAYMARK_DEFAULT_SCALE_MIN;
  int scale_max = WAYMARK_DEFAULT_SCALE_MAX;
  gboolean kind_known = TRUE;
  gboolean scale_ok;
  WaymarkLane *lane;
  LaneInfo *info;

  if (id != NULL)
    check_id (reader, line, id);
  name = require_text (reader, line, "lane", "name", &values[WAYMARK_FORMAT_ATTRIBUTE_NAME]);
  kind_name = require (reader, line, "lane", "kind", &values[WAYMARK_FORMAT_ATTRIBUTE_KIND]);
  color = take_color (reader, line, waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_COLOR]));
  if (kind_name == NULL)
    kind_known = FALSE;
  else if (!waymark_lane_kind_from_string (kind_name, &kind))
    {
      g_autofree char *kinds = waymark_lane_kind_dup_name_list ();

      /* TRANSLATORS: the second %s lists the lane kinds, "actions, … or notes" */
      complain (reader, line, _("unknown lane kind “%s” (expected %s)"), kind_name, kinds);
      kind_known = FALSE;
    }

  scale_ok = read_int (reader, line, "min", min, -WAYMARK_FORMAT_SCALE_LIMIT,
                       WAYMARK_FORMAT_SCALE_LIMIT, &scale_min);
  scale_ok &= read_int (reader, line, "max", max, -WAYMARK_FORMAT_SCALE_LIMIT,
                        WAYMARK_FORMAT_SCALE_LIMIT, &scale_max);
  if (scale_ok && scale_min >= scale_max)
    {
      complain (reader, line, _("the scale's minimum (%d) must be below its maximum (%d)"),
                scale_min, scale_max);
      scale_ok = FALSE;
    }

  if (id == NULL)
    {
      g_free (color);
      return;
    }

  lane = waymark_lane_new ("", name, kind);
  adopt_id (&lane->base, id);
  g_free (lane->color);
  lane->color = color;
  lane->scale_min = scale_min;
  lane->scale_max = scale_max;
  g_ptr_array_add (reader->persona->persona->lanes, lane);

  info = g_new0 (LaneInfo, 1);
  info->lane = lane;
  info->scale_ok = scale_ok;
  info->kind_known = kind_known;
  g_hash_table_insert (reader->persona->lanes, lane->base.id, info);
}

static void
start_card (Reader                   *reader,
            long                      line,
            const WaymarkFormatValue *values)
{
  PendingCard *card;

  g_array_set_size (reader->persona->cards, reader->persona->cards->len + 1);
  card = reader->card = &g_array_index (reader->persona->cards, PendingCard,
                                        reader->persona->cards->len - 1);
  card->line = line;
  card->id = require (reader, line, "card", "id", &values[WAYMARK_FORMAT_ATTRIBUTE_ID]);
  if (card->id != NULL)
    check_id (reader, line, card->id);
  /* The rest is checked at the end, when all lanes, phases and tags are
   * known. */
  card->color = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_COLOR]);
  card->lane_id = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_LANE]);
  card->phase_id = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_PHASE]);
  card->span = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_SPAN]);
}

static void
start_point (Reader                   *reader,
             long                      line,
             const WaymarkFormatValue *values)
{
  GArray *points = reader->persona->points;
  PendingPoint *point;

  g_array_set_size (points, points->len + 1);
  point = &g_array_index (points, PendingPoint, points->len - 1);
  point->line = line;
  point->lane_id = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_LANE]);
  point->phase_id = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_PHASE]);
  point->score = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_SCORE]);
  point->label = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_LABEL]);
}

static void
add_reference (GArray                  **array,
               const WaymarkFormatValue *value,
               long                      line)
{
  Reference reference = { waymark_format_value_dup (value), line };

  if (*array == NULL)
    *array = reference_array_new ();
  g_array_append_val (*array, reference);
}

static void
start_recommendation (Reader                   *reader,
                      long                      line,
                      const WaymarkFormatValue *values)
{
  PendingRecommendation *pending = g_new0 (PendingRecommendation, 1);

  pending->line = line;
  pending->id = require (reader, line, "recommendation", "id",
                         &values[WAYMARK_FORMAT_ATTRIBUTE_ID]);
  if (pending->id != NULL)
    check_id (reader, line, pending->id);
  pending->recommendation = waymark_recommendation_new (pending->id, NULL);
  pending->domain_id = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_DOMAIN]);
  pending->status = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_STATUS]);
  pending->value = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_VALUE]);
  pending->effort = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_EFFORT]);
  g_free (pending->recommendation->owner);
  pending->recommendation->owner = dup_or_empty (&values[WAYMARK_FORMAT_ATTRIBUTE_OWNER]);
  g_ptr_array_add (reader->recommendations, pending);
  reader->recommendation = pending;
}

/* Whether the file's version has @element, which version @needed added;
 * complains when not. */
static gboolean
check_version (Reader     *reader,
               long        line,
               const char *element,
               int         needed)
{
  if (reader->version == 0 || reader->version >= needed)
    return TRUE;
  complain (reader, line, _("<%s> needs format version %d; this file says version %d"),
            element, needed, reader->version);
  return FALSE;
}

/* Appends @text to the list of a persona's profile that @element fills. */
static void
add_profile_item (Reader               *reader,
                  WaymarkFormatElement  element,
                  const char           *text)
{
  WaymarkPersona *persona;
  GStrv *slot;
  guint n;

  if (reader->persona == NULL)
    return;
  persona = reader->persona->persona;
  switch (element)
    {
    case WAYMARK_FORMAT_ELEMENT_GOAL: slot = &persona->goals; break;
    case WAYMARK_FORMAT_ELEMENT_NEED: slot = &persona->needs; break;
    case WAYMARK_FORMAT_ELEMENT_FRUSTRATION: slot = &persona->frustrations; break;
    case WAYMARK_FORMAT_ELEMENT_FACT:
      g_ptr_array_add (persona->facts, waymark_fact_new (reader->fact_label, text));
      g_clear_pointer (&reader->fact_label, g_free);
      return;
    default:
      g_return_if_reached ();
    }
  /* A profile holds at most WAYMARK_LIMIT_PROFILE_ITEMS (the limits
   * counted them), so growing one by one stays cheap. */
  n = g_strv_length (*slot);
  *slot = g_renew (char *, *slot, n + 2);
  (*slot)[n] = g_strdup (text);
  (*slot)[n + 1] = NULL;
}

/* A problem that stops the reader: the file is not a document it reads. */
static void
refuse_root (Reader             *reader,
             long                line,
             WaymarkFormatError  code,
             char               *message)
{
  g_ptr_array_add (reader->problems,
                   waymark_format_problem_new (reader->checker, line, 1, code, message));
}

/* Whether the root is <waymark> in our namespace at a version we read;
 * reports why not. */
static gboolean
check_root (Reader                   *reader,
            const xmlChar            *localname,
            const xmlChar            *uri,
            const WaymarkFormatValue *values,
            long                      line)
{
  g_autofree char *version = NULL;
  guint64 number;

  if (!xmlStrEqual (localname, (const xmlChar *) "waymark"))
    {
      g_autofree char *name = g_utf8_make_valid ((const char *) localname, -1);

      refuse_root (reader, line, WAYMARK_FORMAT_ERROR_NOT_WAYMARK,
                   g_strdup_printf (_("not a Waymark document: the root element is <%s>, "
                                      "not <waymark>"), name));
      return FALSE;
    }
  if (uri == NULL || !xmlStrEqual (uri, NS))
    {
      refuse_root (reader, line, WAYMARK_FORMAT_ERROR_NOT_WAYMARK,
                   g_strdup_printf (_("not a Waymark document: <waymark> is not in the namespace "
                                      "%s (add xmlns=\"%s\")"),
                                    WAYMARK_FORMAT_NAMESPACE, WAYMARK_FORMAT_NAMESPACE));
      return FALSE;
    }

  /* Checked before the rest, which would be unhelpful: a newer file is
   * not broken, this program is old. */
  version = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_VERSION]);
  if (version != NULL &&
      g_ascii_string_to_unsigned (version, 10, 0, G_MAXUINT64, &number, NULL) &&
      number > WAYMARK_FORMAT_VERSION)
    {
      /* Numbers as words first: xgettext stops a message at a macro such
       * as G_GUINT64_FORMAT, so a message with one is never translated. */
      g_autofree char *format = g_strdup_printf ("%" G_GUINT64_FORMAT, number);

      refuse_root (reader, line, WAYMARK_FORMAT_ERROR_VERSION,
                   g_strdup_printf (_("this file was written by a newer version of Waymark "
                                      "(format %s); this version reads formats up to %d"),
                                    format, WAYMARK_FORMAT_VERSION));
      return FALSE;
    }
  return TRUE;
}

static void
start_root (Reader                   *reader,
            long                      line,
            const WaymarkFormatValue *values)
{
  g_autofree char *version = require (reader, line, "waymark", "version",
                                      &values[WAYMARK_FORMAT_ATTRIBUTE_VERSION]);
  g_autofree char *language = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_LANG]);
  g_autofree char *column_width =
    waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_COLUMN_WIDTH]);

  if (g_strcmp0 (version, "1") == 0)
    reader->version = 1;
  else if (g_strcmp0 (version, "2") == 0)
    reader->version = 2;
  else if (g_strcmp0 (version, "3") == 0)
    reader->version = 3;
  else if (version != NULL)
    complain (reader, line, _("unsupported format version “%s”"), version);
  if (language != NULL && !waymark_format_value_matches (WAYMARK_FORMAT_PATTERN_LANGUAGE, language))
    complain_schema (reader, line,
                     _("language “%s” is not a language tag such as “nl” or “en-GB”"), language);
  else if (language != NULL)
    reader->language = g_steal_pointer (&language);
  read_int (reader, line, "column-width", column_width, WAYMARK_FORMAT_COLUMN_WIDTH_MIN,
            WAYMARK_FORMAT_COLUMN_WIDTH_MAX, &reader->column_width);
}

/* What the element is about to say, once it has been placed. */
static void
read_start (Reader                   *reader,
            Frame                    *frame,
            const WaymarkFormatValue *values)
{
  long line = frame->line;

  switch (frame->element)
    {
    case WAYMARK_FORMAT_ELEMENT_TAG:
      read_swatch (reader, line, "tag", values, reader->tags, reader->tag_list, TRUE);
      break;
    case WAYMARK_FORMAT_ELEMENT_DOMAIN:
      read_swatch (reader, line, "domain", values, reader->domains, reader->domain_list, FALSE);
      break;
    case WAYMARK_FORMAT_ELEMENT_PERSONA:
      start_persona (reader, line, values);
      break;
    case WAYMARK_FORMAT_ELEMENT_PHASE:
      start_phase (reader, line, values);
      break;
    case WAYMARK_FORMAT_ELEMENT_LANE:
      start_lane (reader, line, values);
      break;
    case WAYMARK_FORMAT_ELEMENT_CARD:
      start_card (reader, line, values);
      break;
    case WAYMARK_FORMAT_ELEMENT_CARD_TAG:
      if (reader->card != NULL)
        add_reference (&reader->card->tags, &values[WAYMARK_FORMAT_ATTRIBUTE_REF], line);
      break;
    case WAYMARK_FORMAT_ELEMENT_POINT:
      start_point (reader, line, values);
      break;
    case WAYMARK_FORMAT_ELEMENT_DOMAINS:
    case WAYMARK_FORMAT_ELEMENT_RECOMMENDATIONS:
      if (frame->element == WAYMARK_FORMAT_ELEMENT_RECOMMENDATIONS)
        reader->has_recommendations = TRUE;
      if (!check_version (reader, line, waymark_format_element_get_name (frame->element),
                          WAYMARK_FORMAT_VERSION_RECOMMENDATIONS))
        {
          frame->muted = TRUE;
          reader->muted++;
        }
      break;
    case WAYMARK_FORMAT_ELEMENT_PROFILE:
      if (!check_version (reader, line, "profile", WAYMARK_FORMAT_VERSION_PROFILES))
        {
          frame->muted = TRUE;
          reader->muted++;
        }
      break;
    case WAYMARK_FORMAT_ELEMENT_FACT:
      g_free (reader->fact_label);
      reader->fact_label = waymark_format_value_dup (&values[WAYMARK_FORMAT_ATTRIBUTE_LABEL]);
      break;
    case WAYMARK_FORMAT_ELEMENT_RECOMMENDATION:
      start_recommendation (reader, line, values);
      break;
    case WAYMARK_FORMAT_ELEMENT_ADDRESSES:
      if (reader->recommendation != NULL)
        add_reference (&reader->recommendation->addresses,
                       &values[WAYMARK_FORMAT_ATTRIBUTE_CARD], line);
      break;
    default:
      break;
    }
}

void
waymark_format_reader_start_element (WaymarkFormatReader  *reader,
                                     const xmlChar        *localname,
                                     const xmlChar        *uri,
                                     int                   n_attributes,
                                     const xmlChar       **attributes,
                                     long                  line)
{
  WaymarkFormatValue values[WAYMARK_FORMAT_N_ATTRIBUTES] = { { NULL, NULL } };
  WaymarkFormatElement element;
  Frame *frame;

  if (reader->refused || reader->skip_depth > 0)
    {
      reader->skip_depth++;
      return;
    }

  if (!reader->started)
    {
      reader->started = TRUE;
      element = WAYMARK_FORMAT_ELEMENT_WAYMARK;
      if (!waymark_format_grammar_root (&reader->grammar, localname, uri))
        {
          reader->refused = TRUE;
          check_root (reader, localname, uri, values, line);
          return;
        }
      waymark_format_grammar_attributes (&reader->grammar, element, n_attributes, attributes,
                                         values, line);
      if (!check_root (reader, localname, uri, values, line))
        {
          reader->refused = TRUE;
          reader->grammar.valid = FALSE;
          return;
        }
    }
  else
    {
      Frame *parent = &reader->stack[reader->depth - 1];

      element = waymark_format_grammar_child (&reader->grammar, parent->element,
                                              &parent->position, localname, uri, line);
      if (element == WAYMARK_FORMAT_ELEMENT_NONE || reader->depth >= MAX_DEPTH)
        {
          reader->skip_depth = 1;
          return;
        }
      waymark_format_grammar_attributes (&reader->grammar, element, n_attributes, attributes,
                                         values, line);
    }

  frame = &reader->stack[reader->depth++];
  frame->element = element;
  frame->position = 0;
  frame->line = line;
  frame->text_refused = FALSE;
  frame->muted = FALSE;
  if (waymark_format_grammar_holds_text (element))
    g_string_truncate (reader->text, 0);
  if (reader->muted > 0)
    return;
  if (element == WAYMARK_FORMAT_ELEMENT_WAYMARK)
    start_root (reader, line, values);
  else
    read_start (reader, frame, values);
}

/* End tags */

static void
replace (char       **slot,
         const char  *text)
{
  g_free (*slot);
  *slot = g_strdup (text);
}

/* A text element is complete: where its text goes depends on the parent. */
static void
read_text_element (Reader *reader,
                   Frame  *frame,
                   Frame  *parent)
{
  const char *text = reader->text->str;
  WaymarkFormatElement in = parent->element;

  waymark_format_grammar_end_text (&reader->grammar, frame->element, text, frame->line);
  switch (frame->element)
    {
    case WAYMARK_FORMAT_ELEMENT_TITLE:
      if (in == WAYMARK_FORMAT_ELEMENT_WAYMARK)
        replace (&reader->title, text);
      else if (in == WAYMARK_FORMAT_ELEMENT_RECOMMENDATION && reader->recommendation != NULL)
        replace (&reader->recommendation->recommendation->title, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_AUTHOR:
      replace (&reader->author, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_DESCRIPTION:
      if (in == WAYMARK_FORMAT_ELEMENT_WAYMARK)
        replace (&reader->description, text);
      else if (in == WAYMARK_FORMAT_ELEMENT_PERSONA && reader->persona != NULL)
        replace (&reader->persona->persona->description, text);
      else if (in == WAYMARK_FORMAT_ELEMENT_PHASE && reader->phase != NULL)
        replace (&reader->phase->description, text);
      else if (in == WAYMARK_FORMAT_ELEMENT_RECOMMENDATION && reader->recommendation != NULL)
        replace (&reader->recommendation->recommendation->description, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_CREATED:
      g_clear_pointer (&reader->created, g_date_time_unref);
      reader->created = read_timestamp (reader, frame->line, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_MODIFIED:
      g_clear_pointer (&reader->modified, g_date_time_unref);
      reader->modified = read_timestamp (reader, frame->line, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_AMBITION:
      if (reader->persona != NULL)
        replace (&reader->persona->persona->ambition, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_QUOTE:
      if (reader->persona != NULL)
        replace (&reader->persona->persona->quote, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_GOAL:
    case WAYMARK_FORMAT_ELEMENT_NEED:
    case WAYMARK_FORMAT_ELEMENT_FRUSTRATION:
    case WAYMARK_FORMAT_ELEMENT_FACT:
      add_profile_item (reader, frame->element, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_TEXT:
      if (reader->card != NULL)
        replace (&reader->card->text, text);
      break;
    case WAYMARK_FORMAT_ELEMENT_EVIDENCE:
      if (reader->card != NULL)
        replace (&reader->card->evidence, text);
      break;
    default:
      break;
    }
}

void
waymark_format_reader_end_element (WaymarkFormatReader *reader)
{
  Frame *frame;

  if (reader->skip_depth > 0)
    {
      reader->skip_depth--;
      return;
    }
  if (reader->depth == 0)
    return;
  frame = &reader->stack[--reader->depth];
  if (frame->muted)
    reader->muted--;
  if (reader->muted > 0)
    return;
  if (waymark_format_grammar_holds_text (frame->element) && reader->depth > 0)
    read_text_element (reader, frame, &reader->stack[reader->depth - 1]);

  switch (frame->element)
    {
    case WAYMARK_FORMAT_ELEMENT_PERSONA:
      reader->persona = NULL;
      break;
    case WAYMARK_FORMAT_ELEMENT_PHASE:
      reader->phase = NULL;
      break;
    case WAYMARK_FORMAT_ELEMENT_CARD:
      reader->card = NULL;
      break;
    case WAYMARK_FORMAT_ELEMENT_RECOMMENDATION:
      reader->recommendation = NULL;
      break;
    default:
      break;
    }
}

void
waymark_format_reader_text (WaymarkFormatReader *reader,
                            const char          *text,
                            gsize                length,
                            long                 line)
{
  Frame *frame;

  if (reader->refused || reader->skip_depth > 0 || reader->depth == 0)
    return;
  frame = &reader->stack[reader->depth - 1];
  if (waymark_format_grammar_holds_text (frame->element))
    g_string_append_len (reader->text, text, (gssize) length);
  else if (!frame->text_refused)
    frame->text_refused = !waymark_format_grammar_check_text (&reader->grammar, frame->element,
                                                              text, length, line);
}

gboolean
waymark_format_reader_holds_text (WaymarkFormatReader *reader)
{
  return reader->refused || reader->skip_depth > 0 || reader->depth == 0 ||
         waymark_format_grammar_holds_text (reader->stack[reader->depth - 1].element);
}

/* The checks at the end */

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
check_cell (Reader        *reader,
            PersonaState  *state,
            long           line,
            const char    *element,
            Subject       *what,
            const char    *lane_id,
            const char    *phase_id,
            LaneInfo     **lane_info)
{
  gboolean ok = TRUE;

  *lane_info = NULL;
  if (lane_id == NULL)
    complain (reader, line, _("<%s> lacks the “%s” attribute"), element, "lane");
  if (phase_id == NULL)
    complain (reader, line, _("<%s> lacks the “%s” attribute"), element, "phase");

  if (lane_id != NULL)
    {
      *lane_info = g_hash_table_lookup (state->lanes, lane_id);
      if (*lane_info == NULL)
        {
          complain (reader, line, _("%s refers to lane “%s”, which this persona does not have"),
                    subject_name (what), lane_id);
          ok = FALSE;
        }
      else
        check_reference_form (reader, line, lane_id);
    }
  else
    ok = FALSE;

  if (phase_id != NULL)
    {
      if (!g_hash_table_contains (state->phases, phase_id))
        {
          complain (reader, line,
                    _("%s refers to phase “%s”, which this persona does not have"),
                    subject_name (what), phase_id);
          ok = FALSE;
        }
      else
        check_reference_form (reader, line, phase_id);
    }
  else
    ok = FALSE;

  return ok;
}

static WaymarkCard *
check_card (Reader       *reader,
            PersonaState *state,
            PendingCard  *pending,
            GHashTable   *card_ids)
{
  g_auto (Subject) what = { pending->id, FALSE, NULL };
  g_autoptr (GHashTable) seen_tags = NULL;
  g_autofree char *color = NULL;
  LaneInfo *lane_info;
  int span = 1;
  gboolean ok;
  WaymarkCard *card;
  GStrvBuilder *tags = NULL;

  color = take_color (reader, pending->line, g_steal_pointer (&pending->color));
  ok = check_cell (reader, state, pending->line, "card", &what, pending->lane_id,
                   pending->phase_id, &lane_info);
  if (lane_info != NULL && lane_info->kind_known &&
      !waymark_lane_kind_holds_cards (lane_info->lane->kind))
    {
      complain (reader, pending->line,
                _("%s is in lane “%s”, an emotions lane; "
                  "emotions lanes hold points, not cards"),
                subject_name (&what), pending->lane_id);
      ok = FALSE;
    }
  ok &= read_int (reader, pending->line, "span", pending->span, 1, WAYMARK_FORMAT_MAX_SPAN, &span);

  for (guint i = 0; pending->tags != NULL && i < pending->tags->len; i++)
    {
      Reference *ref = &g_array_index (pending->tags, Reference, i);

      if (ref->id == NULL)
        {
          complain (reader, ref->line, _("<%s> lacks the “%s” attribute"), "tag", "ref");
          continue;
        }
      if (!g_hash_table_contains (reader->tags, ref->id))
        {
          complain (reader, ref->line, _("%s refers to tag “%s”, which does not exist"),
                    subject_name (&what), ref->id);
          ok = FALSE;
          continue;
        }
      check_reference_form (reader, ref->line, ref->id);
      if (seen_tags == NULL)
        seen_tags = g_hash_table_new (g_str_hash, g_str_equal);
      if (!g_hash_table_add (seen_tags, ref->id))
        {
          complain (reader, ref->line, _("%s has tag “%s” twice"), subject_name (&what), ref->id);
          ok = FALSE;
        }
    }

  /* Even a card with problems: a link to it is not a second one. */
  if (pending->id != NULL && card_ids != NULL)
    g_hash_table_add (card_ids, pending->id);
  if (pending->id == NULL || !ok)
    return NULL;

  /* The strings move into the card; the id stays where the ids table
   * points. */
  card = g_new0 (WaymarkCard, 1);
  card->base.kind = WAYMARK_OBJECT_CARD;
  card->base.id = g_steal_pointer (&pending->id);
  card->lane_id = g_steal_pointer (&pending->lane_id);
  card->phase_id = g_steal_pointer (&pending->phase_id);
  card->span = span;
  card->text = pending->text != NULL ? g_steal_pointer (&pending->text) : g_strdup ("");
  card->color = g_steal_pointer (&color);
  card->evidence = pending->evidence != NULL ? g_steal_pointer (&pending->evidence)
                                             : g_strdup ("");
  if (pending->tags == NULL)
    card->tags = g_new0 (char *, 1);
  else
    {
      tags = g_strv_builder_new ();
      for (guint i = 0; i < pending->tags->len; i++)
        if (g_array_index (pending->tags, Reference, i).id != NULL)
          g_strv_builder_add (tags, g_array_index (pending->tags, Reference, i).id);
      card->tags = g_strv_builder_end (tags);
      g_strv_builder_unref (tags);
    }
  return card;
}

static WaymarkEmotionPoint *
check_point (Reader       *reader,
             PersonaState *state,
             PendingPoint *pending,
             GHashTable   *points)
{
  g_auto (Subject) what = { NULL, TRUE, NULL };
  LaneInfo *lane_info;
  NumberStatus status;
  int score = 0;
  gboolean ok;
  long line = pending->line;

  if (pending->score == NULL)
    complain (reader, line, _("<%s> lacks the “%s” attribute"), "point", "score");
  ok = check_cell (reader, state, line, "point", &what, pending->lane_id, pending->phase_id,
                   &lane_info);
  if (lane_info != NULL && lane_info->kind_known &&
      !waymark_lane_kind_holds_emotions (lane_info->lane->kind))
    {
      complain (reader, line, _("an emotion point is in lane “%s”, which is not an emotions lane"),
                pending->lane_id);
      ok = FALSE;
    }

  if (pending->score == NULL)
    ok = FALSE;
  else if ((status = parse_int (pending->score, &score)) != NUMBER_OK)
    {
      complain_number (reader, line, "score", pending->score, status);
      ok = FALSE;
    }
  else if (lane_info != NULL && lane_info->scale_ok &&
           waymark_lane_kind_holds_emotions (lane_info->lane->kind) &&
           (score < lane_info->lane->scale_min || score > lane_info->lane->scale_max))
    {
      complain (reader, line, _("score %d is outside the scale of lane “%s” (%d to %d)"),
                score, pending->lane_id, lane_info->lane->scale_min, lane_info->lane->scale_max);
      ok = FALSE;
    }

  if (pending->lane_id != NULL && pending->phase_id != NULL)
    {
      g_autofree char *key = g_strdup_printf ("%s\n%s", pending->lane_id, pending->phase_id);
      gpointer first_line;

      if (g_hash_table_lookup_extended (points, key, NULL, &first_line))
        {
          complain (reader, line,
                    _("a second emotion point for lane “%s” in phase “%s” "
                      "(the first is on line %ld)"),
                    pending->lane_id, pending->phase_id, (long) GPOINTER_TO_SIZE (first_line));
          ok = FALSE;
        }
      else
        g_hash_table_insert (points, g_steal_pointer (&key),
                             GSIZE_TO_POINTER ((gsize) MAX (line, 0)));
    }

  if (!ok)
    return NULL;
  return waymark_emotion_point_new (pending->lane_id, pending->phase_id, score,
                                    pending->label != NULL ? pending->label : "");
}

static void
check_persona (Reader       *reader,
               PersonaState *state,
               GHashTable   *card_ids)
{
  WaymarkPersona *persona = state->persona;

  g_ptr_array_set_size (persona->cards, 0);
  for (guint i = 0; i < state->cards->len; i++)
    {
      WaymarkCard *card = check_card (reader, state, &g_array_index (state->cards, PendingCard, i),
                                      card_ids);

      if (card != NULL)
        g_ptr_array_add (persona->cards, card);
    }

  if (state->points->len > 0)
    {
      g_autoptr (GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);

      for (guint i = 0; i < state->points->len; i++)
        {
          WaymarkEmotionPoint *point =
            check_point (reader, state, &g_array_index (state->points, PendingPoint, i), points);

          if (point != NULL)
            g_ptr_array_add (persona->emotions, point);
        }
    }
}

/* What messages call a recommendation. */
static char *
dup_recommendation_name (const char *id)
{
  return id != NULL ? g_strdup_printf (_("recommendation “%s”"), id)
                    : g_strdup (_("a recommendation"));
}

/* Returns whether the recommendation may go into the document. */
static gboolean
check_recommendation (Reader                *reader,
                      PendingRecommendation *pending,
                      GHashTable            *card_ids)
{
  WaymarkRecommendation *recommendation = pending->recommendation;
  g_autofree char *what = dup_recommendation_name (pending->id);
  g_autoptr (GStrvBuilder) cards = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  long line = pending->line;
  gboolean ok = TRUE;

  if (pending->domain_id != NULL && !g_hash_table_contains (reader->domains, pending->domain_id))
    {
      complain (reader, line, _("%s refers to domain “%s”, which does not exist"), what,
                pending->domain_id);
      ok = FALSE;
    }
  else if (pending->domain_id != NULL)
    {
      check_reference_form (reader, line, pending->domain_id);
      g_free (recommendation->domain_id);
      recommendation->domain_id = g_steal_pointer (&pending->domain_id);
    }
  if (pending->status != NULL &&
      !waymark_status_from_string (pending->status, &recommendation->status))
    {
      g_autofree char *statuses = waymark_status_dup_name_list ();

      /* TRANSLATORS: the second %s lists the statuses, "open, … or dropped" */
      complain (reader, line, _("unknown status “%s” (expected %s)"), pending->status, statuses);
      ok = FALSE;
    }
  ok &= read_int (reader, line, "value", pending->value, WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX,
                  &recommendation->value);
  ok &= read_int (reader, line, "effort", pending->effort, WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX,
                  &recommendation->effort);

  for (guint i = 0; pending->addresses != NULL && i < pending->addresses->len; i++)
    {
      Reference *ref = &g_array_index (pending->addresses, Reference, i);

      if (ref->id == NULL)
        {
          complain (reader, ref->line, _("<%s> lacks the “%s” attribute"), "addresses", "card");
          ok = FALSE;
        }
      else if (!g_hash_table_contains (card_ids, ref->id))
        {
          complain (reader, ref->line, _("%s addresses card “%s”, which does not exist"), what,
                    ref->id);
          ok = FALSE;
        }
      else if (g_hash_table_contains (seen, ref->id))
        {
          complain (reader, ref->line, _("%s addresses card “%s” twice"), what, ref->id);
          ok = FALSE;
        }
      else
        {
          check_reference_form (reader, ref->line, ref->id);
          g_strv_builder_add (cards, ref->id);
          g_hash_table_add (seen, ref->id);
        }
    }

  if (pending->id == NULL || !ok)
    return FALSE;
  g_strfreev (recommendation->cards);
  recommendation->cards = g_strv_builder_end (cards);
  return TRUE;
}

/* Everything that refers to something, in the order of the file. */
static void
check_references (Reader *reader)
{
  g_autoptr (GHashTable) card_ids = NULL;

  /* The ids of all cards, for recommendations to address. */
  if (reader->has_recommendations)
    card_ids = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < reader->personas->len; i++)
    check_persona (reader, g_ptr_array_index (reader->personas, i), card_ids);

  for (guint i = 0; i < reader->recommendations->len; i++)
    {
      PendingRecommendation *pending = g_ptr_array_index (reader->recommendations, i);

      if (!check_recommendation (reader, pending, card_ids))
        g_clear_pointer (&pending->recommendation, waymark_recommendation_free);
    }
}

/* A waymark_document_insert_*() function: takes the object, appends it
 * (-1) and returns its id. */
typedef const char *(*InsertFunc) (WaymarkDocument *document,
                                   gpointer         object,
                                   int              index);

/* Inserts @object through the document's edit function. The edit
 * functions check what the reader checked, so an object that does not
 * get in, or not with its own id, is this program's fault. */
static void
insert (WaymarkDocument      *document,
        WaymarkFormatChecker *checker,
        gpointer              object,
        InsertFunc            insert_func)
{
  g_autofree char *id = g_strdup (((WaymarkObject *) object)->id);
  const char *got = insert_func (document, object, -1);

  if (g_strcmp0 (got, id) != 0)
    waymark_format_report (checker, 0, 0, WAYMARK_FORMAT_ERROR_SEMANTIC,
                           _("internal error: “%s” could not keep its id"), id);
}

/* Hands what was read to a new document, then forgets the edits: a
 * freshly loaded document is unmodified. Tags, domains and
 * recommendations go through the edit functions; the personas, which
 * hold nearly everything, are taken as they are (checked above, and
 * within the limits the parser counted). */
static WaymarkDocument *
build (Reader *reader)
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
  for (guint i = 0; i < reader->tag_list->len; i++)
    insert (document, checker, g_steal_pointer (&reader->tag_list->pdata[i]),
            (InsertFunc) waymark_document_insert_tag);
  for (guint i = 0; i < reader->personas->len; i++)
    {
      PersonaState *state = g_ptr_array_index (reader->personas, i);

      if (state->has_id)
        waymark_document_adopt_persona (document, g_steal_pointer (&state->persona));
    }
  for (guint i = 0; i < reader->domain_list->len; i++)
    insert (document, checker, g_steal_pointer (&reader->domain_list->pdata[i]),
            (InsertFunc) waymark_document_insert_domain);
  for (guint i = 0; i < reader->recommendations->len; i++)
    {
      PendingRecommendation *pending = g_ptr_array_index (reader->recommendations, i);

      if (pending->recommendation != NULL)
        insert (document, checker, g_steal_pointer (&pending->recommendation),
                (InsertFunc) waymark_document_insert_recommendation);
    }

  waymark_history_clear (waymark_document_get_history (document));

  if (checker->problems->len > 0)
    return NULL;
  return g_steal_pointer (&document);
}

WaymarkDocument *
waymark_format_reader_finish (WaymarkFormatReader *reader,
                              gboolean             well_formed)
{
  WaymarkFormatChecker *checker = reader->checker;

  /* The syntax errors say enough; the rest was read from a broken file. */
  if (!well_formed)
    {
      reader->grammar.valid = FALSE;
      return NULL;
    }

  if (!reader->refused)
    check_references (reader);
  for (guint i = 0; i < reader->problems->len; i++)
    {
      WaymarkProblem *problem = g_ptr_array_index (reader->problems, i);

      waymark_format_report_take (checker, problem->line, problem->column,
                                  (WaymarkFormatError) problem->code,
                                  g_steal_pointer (&problem->message));
    }
  checker->n_dropped += reader->n_dropped;
  if (reader->refused)
    return NULL;
  waymark_format_merge_schema_problems (checker, reader->lines, reader->grammar.problems);

  if (checker->problems->len > 0)
    return NULL;
  return build (reader);
}

gboolean
waymark_format_reader_matches_schema (WaymarkFormatReader *reader)
{
  return reader->started && reader->grammar.valid;
}

WaymarkFormatReader *
waymark_format_reader_new (WaymarkFormatChecker *checker)
{
  WaymarkFormatReader *reader = g_new0 (WaymarkFormatReader, 1);

  reader->checker = checker;
  waymark_format_grammar_init (&reader->grammar, checker);
  reader->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  reader->lines = g_hash_table_new (NULL, NULL);
  reader->text = g_string_new (NULL);
  /* Keys are the objects' own id strings, which live as long as the
   * reader or move into the document. */
  reader->ids = g_hash_table_new (g_str_hash, g_str_equal);
  reader->tags = g_hash_table_new (g_str_hash, g_str_equal);
  reader->domains = g_hash_table_new (g_str_hash, g_str_equal);
  reader->column_width = WAYMARK_DEFAULT_COLUMN_WIDTH;
  reader->tag_list = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_tag_free);
  reader->personas = g_ptr_array_new_with_free_func ((GDestroyNotify) persona_state_free);
  reader->domain_list = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_domain_free);
  reader->recommendations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pending_recommendation_free);
  return reader;
}

void
waymark_format_reader_free (WaymarkFormatReader *reader)
{
  if (reader == NULL)
    return;
  /* The tables first: their keys belong to the objects below. */
  g_clear_pointer (&reader->ids, g_hash_table_unref);
  g_clear_pointer (&reader->tags, g_hash_table_unref);
  g_clear_pointer (&reader->domains, g_hash_table_unref);
  g_clear_pointer (&reader->lines, g_hash_table_unref);
  g_clear_pointer (&reader->problems, g_ptr_array_unref);
  waymark_format_grammar_clear (&reader->grammar);
  g_string_free (reader->text, TRUE);
  g_clear_pointer (&reader->fact_label, g_free);
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
