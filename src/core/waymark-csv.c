/* waymark-csv.c: a document as a CSV table, and back
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-csv.h"
#include "waymark-csv-private.h"
#include "waymark-format.h"

G_DEFINE_QUARK (waymark-csv-error-quark, waymark_csv_error)

/* Every column's names, in the order the exporter writes them: the one
 * table that says what a header may call a column (docs/spreadsheets.md).
 * The first eleven are the columns a researcher's coding spreadsheet has;
 * the rest carry what a round trip needs beyond them. The names are
 * compared after waymark_csv_normalize_header(), so they are lower case
 * with single spaces. They are not translated through the catalogue: a
 * sheet made in Dutch must import on an English desktop, and a changed
 * translation must not stop an old sheet from importing. Cells that hold
 * free text get the formula guard on export; the numeric columns are
 * written by us as plain integers, and a negative score like "-2" is a
 * number to a spreadsheet, not a formula. */
const WaymarkCsvColumnInfo waymark_csv_columns[N_COLUMNS] = {
  [COL_PERSONA] = { "persona", "persona", { "persoon" }, TRUE },
  [COL_PHASE] = { "phase", "fase", { "stage" }, TRUE },
  [COL_PHASE_ORDER] = { "phase order", "fasevolgorde", { "fase volgorde" } },
  [COL_LANE] = { "lane", "zwembaan", { "swimlane", "baan", "rij" }, TRUE },
  [COL_LANE_KIND] = { "lane kind", "soort zwembaan", { "soort baan", "zwembaansoort" } },
  [COL_ORDER] = { "order", "volgorde" },
  [COL_TEXT] = { "text", "tekst" , { "card" , "kaart" }, TRUE },
  [COL_TAGS] = { "tags", "labels", { "tag" }, TRUE },
  [COL_SCORE] = { "score", "score" },
  [COL_LABEL] = { "label", "label", { "emotion label", "emotielabel" }, TRUE },
  [COL_EVIDENCE] = { "evidence", "bewijs", { "source", "quote", "bron", "citaat" }, TRUE },
  [COL_SPAN] = { "span", "overspanning" },
  [COL_AMBITION] = { "ambition", "ambitie", { NULL }, TRUE },
  [COL_PERSONA_COLOR] = { "persona color", "personakleur", { "persona colour", "persona kleur" },
                          TRUE },
  [COL_SCALE_MIN] = { "scale min", "schaal min" },
  [COL_SCALE_MAX] = { "scale max", "schaal max" },
  [COL_RECOMMENDATION] = { "recommendation", "aanbeveling" },
  [COL_TITLE] = { "title", "titel", { NULL }, TRUE },
  [COL_DESCRIPTION] = { "description", "beschrijving", { "omschrijving" }, TRUE },
  [COL_DOMAIN] = { "domain", "domein", { NULL }, TRUE },
  [COL_DOMAIN_COLOR] = { "domain color", "domeinkleur", { "domain colour", "domein kleur" },
                         TRUE },
  [COL_STATUS] = { "status", "status" },
  [COL_OWNER] = { "owner", "eigenaar", { "trekker" }, TRUE },
  [COL_VALUE] = { "value", "waarde" },
  [COL_EFFORT] = { "effort", "inspanning" },
  [COL_ADDRESSED_BY] = { "addressed by", "aangepakt door" },
  [COL_LANE_ORDER] = { "lane order", "zwembaanvolgorde", { "zwembaan volgorde" } },
};

char *
waymark_csv_normalize_header (const char *cell)
{
  g_autofree char *lower = g_utf8_strdown (cell, -1);
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = lower; *p != '\0'; p++)
    {
      char c = *p;

      if (c == '_' || c == '-' || g_ascii_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, c);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
waymark_csv_column_from_header (const char *cell,
                                Column     *column)
{
  g_autofree char *name = waymark_csv_normalize_header (cell);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const WaymarkCsvColumnInfo *info = &waymark_csv_columns[c];

      if (g_str_equal (name, info->name) || g_str_equal (name, info->dutch))
        {
          *column = c;
          return TRUE;
        }
      for (guint i = 0; i < G_N_ELEMENTS (info->other_names) && info->other_names[i] != NULL; i++)
        if (g_str_equal (name, info->other_names[i]))
          {
            *column = c;
            return TRUE;
          }
    }
  return FALSE;
}

gboolean
waymark_csv_is_dutch (WaymarkDocument *document)
{
  const char *language = waymark_document_get_language (document);

  return language != NULL && g_ascii_strncasecmp (language, "nl", 2) == 0 &&
         (language[2] == '\0' || language[2] == '-' || language[2] == '_');
}

#define TAG_SEPARATOR "; "

/* ------------------------------------------------------------------ */
/* Writing                                                             */

typedef struct {
  GPtrArray       *rows;          /* of GStrv, n_columns cells each */
  WaymarkDocument *document;
  guint            n_columns;     /* N_JOURNEY_COLUMNS without recommendations */
  GHashTable      *numbers;       /* recommendation id → its number, 1, 2, … */
  /* recommendation id → (card id → the card's place in its list), for
   * the recommendations whose cards are not in the order of the rows */
  GHashTable      *ranks;
} Export;

/* A spreadsheet runs a cell that starts with = + - @ (and, in some, a tab
 * or carriage return) as a formula: a CSV from an untrusted map could
 * then compute or fetch things when opened (CSV injection; OWASP's advice
 * is a leading apostrophe). Cells that start with any number of
 * apostrophes followed by such a character get one more apostrophe, and
 * the importer takes exactly one away again from the same pattern, so
 * every text survives the round trip. */
gboolean
waymark_csv_needs_formula_guard (const char *value)
{
  while (*value == '\'')
    value++;
  return *value != '\0' && strchr ("=+-@\t\r", *value) != NULL;
}

static void
append_field (GString    *out,
              const char *value,
              gboolean    is_text)
{
  gboolean guard = is_text && waymark_csv_needs_formula_guard (value);
  gsize len = strlen (value);
  gboolean quote = FALSE;

  /* Quote what RFC 4180 requires (comma, quote, CR, LF), and also cells
   * with leading or trailing spaces, a tab or a ";" so that no import dialog's
   * "trim spaces" or a semicolon separator guess can change them. */
  if (strpbrk (value, ",\"\r\n;\t") != NULL ||
      (len > 0 && (value[0] == ' ' || value[len - 1] == ' ')))
    quote = TRUE;

  if (quote)
    g_string_append_c (out, '"');
  if (guard)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

static void
append_csv_row (GString            *out,
                const char * const *row)
{
  for (guint i = 0; row[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, row[i], waymark_csv_columns[i].text);
    }
  g_string_append (out, "\r\n");
}

static void
clear_row (const char *row[N_COLUMNS])
{
  for (guint i = 0; i < N_COLUMNS; i++)
    row[i] = NULL;
}

/* Adds a copy of the export's columns of @row, with "" for its NULL
 * cells. */
static void
append_row (Export            *export,
            const char *const  row[N_COLUMNS])
{
  char **copy = g_new0 (char *, export->n_columns + 1);

  for (guint i = 0; i < export->n_columns; i++)
    copy[i] = g_strdup (row[i] != NULL ? row[i] : "");
  g_ptr_array_add (export->rows, copy);
}

static char *
join_tag_names (WaymarkDocument   *document,
                const WaymarkCard *card)
{
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; card->tags[i] != NULL; i++)
    {
      WaymarkTag *tag = waymark_document_find_tag (document, card->tags[i]);

      if (tag == NULL)
        continue;
      if (names->len > 0)
        g_string_append (names, TAG_SEPARATOR);
      g_string_append (names, tag->name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* The cells shared by every row of a persona. */
static void
fill_persona (const char     *row[N_COLUMNS],
              WaymarkPersona *persona)
{
  clear_row (row);
  row[COL_PERSONA] = persona->name;
  row[COL_AMBITION] = persona->ambition;
  row[COL_PERSONA_COLOR] = persona->color;
}

static gboolean
phase_has_rows (WaymarkPersona     *persona,
                const WaymarkPhase *phase)
{
  for (guint i = 0; i < persona->cards->len; i++)
    {
      WaymarkCard *card = g_ptr_array_index (persona->cards, i);
      if (g_str_equal (card->phase_id, phase->base.id) &&
          waymark_persona_find_lane (persona, card->lane_id) != NULL)
        return TRUE;
    }
  for (guint i = 0; i < persona->emotions->len; i++)
    {
      WaymarkEmotionPoint *point = g_ptr_array_index (persona->emotions, i);
      if (g_str_equal (point->phase_id, phase->base.id) &&
          waymark_persona_find_lane (persona, point->lane_id) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* By their numbers in @numbers (id → number). */
static int
compare_by_number (gconstpointer a,
                   gconstpointer b,
                   gpointer      numbers)
{
  const WaymarkRecommendation *ra = *(WaymarkRecommendation * const *) a;
  const WaymarkRecommendation *rb = *(WaymarkRecommendation * const *) b;
  guint na = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, ra->base.id));
  guint nb = GPOINTER_TO_UINT (g_hash_table_lookup (numbers, rb->base.id));

  return na < nb ? -1 : na > nb;
}

/* The cards of @persona in the order of their rows: lane by lane, phase
 * by phase, in each cell in its order (export_persona). */
static void
list_card_rows (WaymarkPersona *persona,
                GPtrArray      *cards)
{
  for (guint l = 0; l < persona->lanes->len; l++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

      if (waymark_lane_kind_holds_emotions (lane->kind))
        continue;
      for (guint p = 0; p < persona->phases->len; p++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, p);
          g_autoptr (GPtrArray) cell = waymark_persona_cell_cards (persona, lane->base.id,
                                                                   phase->base.id);

          g_ptr_array_extend (cards, cell, NULL, NULL);
        }
    }
}

/* Numbers the recommendations as the report and the priority matrix do,
 * and finds those whose cards are not in the order of the rows: their
 * links carry ranks. */
static void
number_recommendations (Export *export)
{
  g_autoptr (GPtrArray) recommendations =
    waymark_document_list_recommendations_in_order (export->document);
  g_autoptr (GHashTable) row_of_card = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) cards = g_ptr_array_new ();

  for (guint i = 0; i < waymark_document_get_n_personas (export->document); i++)
    list_card_rows (waymark_document_get_persona (export->document, i), cards);
  for (guint i = 0; i < cards->len; i++)
    g_hash_table_insert (row_of_card, ((WaymarkCard *) g_ptr_array_index (cards, i))->base.id,
                         GUINT_TO_POINTER (i + 1));

  for (guint i = 0; i < recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      g_autoptr (GHashTable) ranks = g_hash_table_new (g_str_hash, g_str_equal);
      guint previous = 0, rank = 0;
      gboolean in_order = TRUE;

      g_hash_table_insert (export->numbers, recommendation->base.id, GUINT_TO_POINTER (i + 1));
      for (guint c = 0; recommendation->cards[c] != NULL; c++)
        {
          guint row = GPOINTER_TO_UINT (g_hash_table_lookup (row_of_card,
                                                             recommendation->cards[c]));

          if (row == 0)
            continue;   /* a card no row holds: not in the table */
          in_order &= row > previous;
          previous = row;
          g_hash_table_insert (ranks, recommendation->cards[c], GUINT_TO_POINTER (++rank));
        }
      if (!in_order)
        g_hash_table_insert (export->ranks, recommendation->base.id, g_steal_pointer (&ranks));
    }
}

/* The recommendations that address @card, by number: "2; 5", or "2#3"
 * for the third card of a recommendation whose cards are not in the
 * order of the rows. NULL when none does. */
static char *
addressed_by (Export            *export,
              const WaymarkCard *card)
{
  g_autoptr (GPtrArray) recommendations =
    waymark_document_get_recommendations_for_card (export->document, card->base.id);
  GString *cell;

  if (recommendations->len == 0)
    return NULL;
  g_ptr_array_sort_with_data (recommendations, compare_by_number, export->numbers);

  cell = g_string_new (NULL);
  for (guint i = 0; i < recommendations->len; i++)
    {
      WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);
      GHashTable *ranks = g_hash_table_lookup (export->ranks, recommendation->base.id);

      if (cell->len > 0)
        g_string_append (cell, LINK_SEPARATOR);
      g_string_append_printf (cell, "%u", GPOINTER_TO_UINT (g_hash_table_lookup (
                                            export->numbers, recommendation->base.id)));
      if (ranks != NULL)
        g_string_append_printf (cell, "%c%u", LINK_RANK,
                                GPOINTER_TO_UINT (g_hash_table_lookup (ranks, card->base.id)));
    }
  return g_string_free (cell, FALSE);
}

static void
export_persona (Export         *export,
                WaymarkPersona *persona)
{
  WaymarkDocument *document = export->document;
  const char *row[N_COLUMNS];
  gboolean wrote_any = FALSE;

  /* Phases that no card or point mentions still need a row, or they
   * would be lost; their order column puts them in place on import. */
  for (guint p = 0; p < persona->phases->len; p++)
    {
      WaymarkPhase *phase = g_ptr_array_index (persona->phases, p);
      g_autofree char *order = NULL;

      if (persona->lanes->len > 0 && phase_has_rows (persona, phase))
        continue;
      order = g_strdup_printf ("%u", p + 1);
      fill_persona (row, persona);
      row[COL_PHASE] = phase->name;
      row[COL_PHASE_ORDER] = order;
      append_row (export, row);
      wrote_any = TRUE;
    }

  /* Lane by lane, so that lanes are created in their order on import. */
  for (guint l = 0; l < persona->lanes->len; l++)
    {
      WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);
      g_autofree char *scale_min = g_strdup_printf ("%d", lane->scale_min);
      g_autofree char *scale_max = g_strdup_printf ("%d", lane->scale_max);
      g_autofree char *lane_order = g_strdup_printf ("%u", l + 1);
      gboolean emotions = waymark_lane_kind_holds_emotions (lane->kind);
      gboolean lane_written = FALSE;

      for (guint p = 0; p < persona->phases->len; p++)
        {
          WaymarkPhase *phase = g_ptr_array_index (persona->phases, p);
          g_autofree char *phase_order = g_strdup_printf ("%u", p + 1);

          if (emotions)
            {
              WaymarkEmotionPoint *point =
                waymark_persona_find_emotion (persona, lane->base.id, phase->base.id);
              g_autofree char *score = NULL;

              if (point == NULL)
                continue;
              score = g_strdup_printf ("%d", point->score);
              fill_persona (row, persona);
              row[COL_PHASE] = phase->name;
              row[COL_PHASE_ORDER] = phase_order;
              row[COL_LANE] = lane->name;
              row[COL_LANE_ORDER] = lane_order;
              row[COL_LANE_KIND] = waymark_lane_kind_to_string (lane->kind);
              row[COL_SCORE] = score;
              row[COL_LABEL] = point->label;
              row[COL_SCALE_MIN] = scale_min;
              row[COL_SCALE_MAX] = scale_max;
              append_row (export, row);
              lane_written = TRUE;
            }
          else
            {
              g_autoptr (GPtrArray) cards =
                waymark_persona_cell_cards (persona, lane->base.id, phase->base.id);

              for (guint c = 0; c < cards->len; c++)
                {
                  WaymarkCard *card = g_ptr_array_index (cards, c);
                  g_autofree char *order = g_strdup_printf ("%u", c + 1);
                  g_autofree char *tags = join_tag_names (document, card);
                  g_autofree char *span = card->span > 1 ? g_strdup_printf ("%d", card->span)
                                                         : NULL;
                  g_autofree char *links = addressed_by (export, card);

                  fill_persona (row, persona);
                  row[COL_PHASE] = phase->name;
                  row[COL_PHASE_ORDER] = phase_order;
                  row[COL_LANE] = lane->name;
                  row[COL_LANE_ORDER] = lane_order;
                  row[COL_LANE_KIND] = waymark_lane_kind_to_string (lane->kind);
                  row[COL_ORDER] = order;
                  row[COL_TEXT] = card->text;
                  row[COL_TAGS] = tags;
                  row[COL_EVIDENCE] = card->evidence;
                  row[COL_SPAN] = span;
                  row[COL_ADDRESSED_BY] = links;
                  append_row (export, row);
                  lane_written = TRUE;
                }
            }
        }

      if (!lane_written)
        {
          /* An empty lane: a row without a phase declares it. */
          fill_persona (row, persona);
          row[COL_LANE] = lane->name;
          row[COL_LANE_ORDER] = lane_order;
          row[COL_LANE_KIND] = waymark_lane_kind_to_string (lane->kind);
          if (emotions)
            {
              row[COL_SCALE_MIN] = scale_min;
              row[COL_SCALE_MAX] = scale_max;
            }
          append_row (export, row);
        }
      wrote_any = TRUE;
    }

  if (!wrote_any)
    {
      fill_persona (row, persona);
      append_row (export, row);
    }
}

/* The rows of the domains and recommendations, after the journeys':
 * domain by domain in their order (a domain without recommendations on
 * a row of its own, so that it is kept), then those in no domain. */
static void
export_recommendations (Export *export)
{
  GPtrArray *domains = waymark_document_get_domains (export->document);
  const char *row[N_COLUMNS];

  for (guint d = 0; d <= domains->len; d++)
    {
      WaymarkDomain *domain = d < domains->len ? g_ptr_array_index (domains, d) : NULL;
      g_autoptr (GPtrArray) recommendations =
        waymark_document_list_domain_recommendations (export->document,
                                                      domain != NULL ? domain->base.id : NULL);

      if (domain != NULL && recommendations->len == 0)
        {
          clear_row (row);
          row[COL_DOMAIN] = domain->name;
          row[COL_DOMAIN_COLOR] = domain->color;
          append_row (export, row);
        }
      for (guint i = 0; i < recommendations->len; i++)
        {
          WaymarkRecommendation *recommendation = g_ptr_array_index (recommendations, i);
          g_autofree char *number =
            g_strdup_printf ("%u", GPOINTER_TO_UINT (g_hash_table_lookup (
                                     export->numbers, recommendation->base.id)));
          g_autofree char *value = recommendation->value != WAYMARK_SCORE_UNSET
                                   ? g_strdup_printf ("%d", recommendation->value) : NULL;
          g_autofree char *effort = recommendation->effort != WAYMARK_SCORE_UNSET
                                    ? g_strdup_printf ("%d", recommendation->effort) : NULL;

          clear_row (row);
          row[COL_RECOMMENDATION] = number;
          row[COL_TITLE] = recommendation->title;
          row[COL_DESCRIPTION] = recommendation->description;
          if (domain != NULL)
            {
              row[COL_DOMAIN] = domain->name;
              row[COL_DOMAIN_COLOR] = domain->color;
            }
          row[COL_STATUS] = waymark_status_to_string (recommendation->status);
          row[COL_OWNER] = recommendation->owner;
          row[COL_VALUE] = value;
          row[COL_EFFORT] = effort;
          append_row (export, row);
        }
    }
}


static gboolean
has_lanes_of_one_name (WaymarkDocument *document)
{
  for (guint p = 0; p < waymark_document_get_n_personas (document); p++)
    {
      WaymarkPersona *persona = waymark_document_get_persona (document, p);
      g_autoptr (GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint l = 0; l < persona->lanes->len; l++)
        {
          WaymarkLane *lane = g_ptr_array_index (persona->lanes, l);

          if (!g_hash_table_add (names, lane->name))
            return TRUE;
        }
    }
  return FALSE;
}

GPtrArray *
waymark_csv_export_rows (WaymarkDocument *document)
{
  g_autoptr (GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) ranks = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                        (GDestroyNotify) g_hash_table_unref);
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gboolean dutch, with_recommendations;
  const char *header[N_COLUMNS];
  Export export;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  /* A document without recommendations is written as before they
   * existed, so that its table stays the same. */
  with_recommendations = waymark_document_get_domains (document)->len > 0 ||
                         waymark_document_get_recommendations (document)->len > 0;
  export = (Export) { rows, document, with_recommendations ? COL_LANE_ORDER : N_JOURNEY_COLUMNS,
                      numbers, ranks };
  /* Two lanes of one name in a persona: only their order tells them apart
   * on import, in the last column (after the recommendations', empty when
   * there are none). */
  if (has_lanes_of_one_name (document))
    export.n_columns = N_COLUMNS;
  if (with_recommendations)
    number_recommendations (&export);

  /* A Dutch map gets the headers a Dutch researcher would write; either
   * set imports everywhere. */
  dutch = waymark_csv_is_dutch (document);
  for (guint i = 0; i < N_COLUMNS; i++)
    header[i] = dutch ? waymark_csv_columns[i].dutch : waymark_csv_columns[i].name;
  append_row (&export, header);

  for (guint i = 0; i < waymark_document_get_n_personas (document); i++)
    export_persona (&export, waymark_document_get_persona (document, i));
  if (with_recommendations)
    export_recommendations (&export);
  return rows;
}

GBytes *
waymark_csv_export_to_bytes (WaymarkDocument *document)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  /* The byte-order mark is what makes spreadsheets read the file as
   * UTF-8: Excel assumes the ANSI code page without it (mangling "é"),
   * and LibreOffice preselects UTF-8 in its import dialog when it sees
   * it. Programs that do not expect it see it only in the first header
   * cell; our importer skips it. */
  g_string_append (out, "\xEF\xBB\xBF");
  rows = waymark_csv_export_rows (document);
  for (guint i = 0; i < rows->len; i++)
    append_csv_row (out, g_ptr_array_index (rows, i));

  return g_string_free_to_bytes (g_steal_pointer (&out));
}

gboolean
waymark_csv_export_to_file (WaymarkDocument  *document,
                            GFile            *file,
                            GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = waymark_csv_export_to_bytes (document);
  return waymark_format_write_bytes (bytes, file, NULL, error);
}
