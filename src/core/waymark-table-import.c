/* waymark-table-import.c: building a document from a spreadsheet's table
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-format.h"
#include "waymark-table-import-private.h"

/* The header row maps the columns (docs/spreadsheets.md); every other row
 * adds a card or emotion point, or declares a persona, phase or lane, or
 * adds a recommendation or declares a domain. What needs every row (the
 * lanes' kinds, points against scales, the card limit, the links to
 * recommendations) is checked after the last, and the document is built
 * only from a table without errors. */

static void
import_phase_free (ImportPhase *phase)
{
  g_free (phase->name);
  g_free (phase->id);
  g_free (phase);
}

static void
import_lane_free (ImportLane *lane)
{
  g_free (lane->name);
  g_free (lane->id);
  g_free (lane);
}

static void
import_entry_free (ImportEntry *entry)
{
  g_free (entry->text);
  g_strfreev (entry->tags);
  g_free (entry->evidence);
  g_free (entry->label);
  g_clear_pointer (&entry->links, g_array_unref);
  g_free (entry->card_id);
  g_free (entry);
}

static void
import_persona_free (ImportPersona *persona)
{
  g_free (persona->name);
  g_free (persona->ambition);
  g_free (persona->color);
  g_ptr_array_unref (persona->phases);
  g_ptr_array_unref (persona->lanes);
  g_hash_table_unref (persona->lane_by_name);
  g_hash_table_unref (persona->lane_by_order);
  g_ptr_array_unref (persona->entries);
  g_free (persona);
}

G_GNUC_PRINTF (4, 0)
static void
add_problem_valist (Import      *import,
                    guint        row,
                    ProblemKind  kind,
                    const char  *format,
                    va_list      args)
{
  WaymarkProblemSeverity severity = kind == PROBLEM_WARNING ? WAYMARK_PROBLEM_WARNING
                                                            : WAYMARK_PROBLEM_ERROR;
  WaymarkCsvError code = kind == PROBLEM_TOO_LARGE ? WAYMARK_CSV_ERROR_TOO_LARGE
                                                   : WAYMARK_CSV_ERROR_INVALID;
  char *message;

  if (import->stopped)
    return;
  if (kind != PROBLEM_WARNING)
    import->n_errors++;

  if (import->problems->len + 1 >= WAYMARK_CSV_MAX_PROBLEMS)
    {
      severity = WAYMARK_PROBLEM_ERROR;
      code = WAYMARK_CSV_ERROR_INVALID;
      message = g_strdup_printf (_("too many problems; stopped after %d"),
                                 WAYMARK_CSV_MAX_PROBLEMS);
      import->n_errors++;
      import->stopped = TRUE;
    }
  else
    message = g_strdup_vprintf (format, args);
  g_ptr_array_add (import->problems, waymark_problem_new (import->file, row, 0, severity,
                                                          WAYMARK_CSV_ERROR, code, message));
}

void
waymark_table_import_add_problem (Import      *import,
                                  guint        row,
                                  ProblemKind  kind,
                                  const char  *format,
                                  ...)
{
  va_list args;

  va_start (args, format);
  add_problem_valist (import, row, kind, format, args);
  va_end (args);
}

G_GNUC_PRINTF (4, 5)
static void
add_problem (Import      *import,
             guint        row,
             ProblemKind  kind,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  add_problem_valist (import, row, kind, format, args);
  va_end (args);
}

/* Whether the table may not have one more of something it has @count of,
 * the most the model holds being @limit; says so once, naming the row of
 * the first one too many. */
gboolean
waymark_table_import_over_limit (Import     *import,
                                 guint       row,
                                 guint       count,
                                 int         limit,
                                 gboolean   *reported,
                                 const char *format,
                                 ...)
{
  va_list args;

  if (count < (guint) limit)
    return FALSE;
  if (!*reported)
    {
      va_start (args, format);
      add_problem_valist (import, row, PROBLEM_TOO_LARGE, format, args);
      va_end (args);
    }
  *reported = TRUE;
  return TRUE;
}

/* The name a message gives a column: as the header row wrote it, so that
 * a Dutch sheet's messages say “fase”, or the English name when the
 * header said that in some spelling ("Lane_Kind"). */
const char *
waymark_table_import_column_name (Import *import,
                                  Column  column)
{
  if (import->titles[column] != NULL)
    return import->titles[column];
  return waymark_csv_columns[column].name;
}

static void
set_column (Import       *import,
            WaymarkTable *table,
            Column        column,
            guint         index)
{
  const char *cell = waymark_table_get_cell (table, 0, index);
  g_autofree char *name = waymark_csv_normalize_header (cell);

  import->columns[column] = (int) index;
  if (!g_str_equal (name, waymark_csv_columns[column].name))
    import->titles[column] = g_strdup (cell);
  if (g_str_equal (name, waymark_csv_columns[column].dutch) &&
      !g_str_equal (name, waymark_csv_columns[column].name))
    import->n_dutch++;
  else if (g_str_equal (name, waymark_csv_columns[column].name) &&
           !g_str_equal (name, waymark_csv_columns[column].dutch))
    import->n_english++;
}

/* Reads the user's mapping, "column=Header" (the column named in
 * English, Dutch or a synonym; the header as the row writes it, in any
 * case), into @mapped: the column each header cell is, or -1. */
static gboolean
read_mapping (Import             *import,
              WaymarkTable       *table,
              const char * const *mapping,
              int                *mapped)
{
  gboolean ok = TRUE;

  for (guint i = 0; mapping != NULL && mapping[i] != NULL; i++)
    {
      const char *equals = strchr (mapping[i], '=');
      g_autofree char *key = NULL;
      g_autofree char *header = NULL;
      Column column;
      gboolean found = FALSE;

      if (mapping[i][0] == '\0')
        continue;
      if (equals == NULL)
        {
          add_problem (import, 0, PROBLEM_INVALID,
                       _("“%s” is not a column mapping (write column=Header, as in phase=Stap)"),
                       mapping[i]);
          ok = FALSE;
          continue;
        }
      key = g_strndup (mapping[i], (gsize) (equals - mapping[i]));
      header = waymark_csv_normalize_header (equals + 1);
      if (!waymark_csv_column_from_header (key, &column))
        {
          add_problem (import, 0, PROBLEM_INVALID,
                       _("“%s” is not a Waymark column (persona, phase, lane, text, …)"), key);
          ok = FALSE;
          continue;
        }
      for (guint c = 0; c < import->n_header; c++)
        {
          g_autofree char *cell = waymark_csv_normalize_header (waymark_table_get_cell (table,
                                                                                        0, c));

          if (!g_str_equal (cell, header) || header[0] == '\0')
            continue;
          found = TRUE;
          if (mapped[c] >= 0 && mapped[c] != (int) column)
            {
              add_problem (import, 0, PROBLEM_INVALID,
                           _("the column “%s” is mapped twice, to “%s” and “%s”"), equals + 1,
                           waymark_csv_columns[mapped[c]].name, waymark_csv_columns[column].name);
              ok = FALSE;
            }
          mapped[c] = (int) column;
          break;
        }
      if (!found)
        {
          add_problem (import, 0, PROBLEM_INVALID,
                       _("the header row has no column “%s” (mapped to “%s”)"), equals + 1,
                       waymark_csv_columns[column].name);
          ok = FALSE;
        }
    }
  return ok;
}

static gboolean
read_header (Import             *import,
             WaymarkTable       *table,
             const char * const *mapping)
{
  g_autofree int *mapped = NULL;
  gboolean by_mapping[N_COLUMNS] = { FALSE, };
  gboolean ok = TRUE;

  for (guint i = 0; i < N_COLUMNS; i++)
    import->columns[i] = -1;
  import->n_header = waymark_table_get_n_cells (table, 0);
  mapped = g_new (int, MAX (import->n_header, 1));
  for (guint i = 0; i < import->n_header; i++)
    mapped[i] = -1;

  if (!read_mapping (import, table, mapping, mapped))
    return FALSE;

  /* The mapping first: a column it names takes the place of a header
   * that also names that column. */
  for (guint i = 0; i < import->n_header; i++)
    if (mapped[i] >= 0)
      {
        by_mapping[mapped[i]] = TRUE;
        set_column (import, table, mapped[i], i);
      }

  for (guint i = 0; i < import->n_header; i++)
    {
      const char *cell = waymark_table_get_cell (table, 0, i);
      g_autofree char *name = waymark_csv_normalize_header (cell);
      Column column;

      if (mapped[i] >= 0 || name[0] == '\0')
        continue;
      if (!waymark_csv_column_from_header (cell, &column))
        {
          /* An interview number, a coder's initials: a note, not a refusal. */
          add_problem (import, 1, PROBLEM_WARNING,
                       _("the column “%s” is not a Waymark column; it is ignored"), cell);
          continue;
        }
      if (by_mapping[column])
        {
          add_problem (import, 1, PROBLEM_WARNING,
                       _("the column “%s” is ignored: the mapping makes “%s” the %s column"), cell,
                       waymark_table_import_column_name (import, column),
                       waymark_csv_columns[column].name);
          continue;
        }
      if (import->columns[column] >= 0)
        {
          add_problem (import, 1, PROBLEM_INVALID, _("the column “%s” appears twice"),
                       waymark_csv_columns[column].name);
          ok = FALSE;
          continue;
        }
      set_column (import, table, column, i);
    }

  /* Without a "recommendation" column, a sheet's own "status" or
   * "owner" column is not about recommendations: ignored, as before
   * Waymark had them. */
  if (import->columns[COL_RECOMMENDATION] < 0)
    for (guint c = COL_TITLE; c < COL_ADDRESSED_BY; c++)
      if (import->columns[c] >= 0)
        {
          add_problem (import, 1, PROBLEM_WARNING,
                       _("the column “%s” is for recommendations, and the table has no "
                         "“recommendation” column; it is ignored"),
                       waymark_table_import_column_name (import, c));
          import->columns[c] = -1;
        }

  {
    const Column required[] = { COL_PERSONA, COL_PHASE, COL_LANE };
    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      if (import->columns[required[i]] < 0)
        {
          add_problem (import, 1, PROBLEM_INVALID,
                       _("the header row has no “%s” column (the first row must name the columns: "
                         "persona, phase, lane, text, …, or map them with --columns "
                         "%s=Header)"), waymark_csv_columns[required[i]].name,
                       waymark_csv_columns[required[i]].name);
          ok = FALSE;
        }
  }
  return ok;
}

/* The inverse of the export's formula guard: one leading apostrophe goes
 * when what follows is apostrophes and then = + - @ tab or CR. */
static const char *
strip_formula_guard (const char *value)
{
  if (value[0] == '\'' && waymark_csv_needs_formula_guard (value + 1))
    return value + 1;
  return value;
}

/* Checks that a cell is text a document can hold: UTF-8 without the
 * control characters that XML 1.0 cannot carry, and no longer than the
 * model's text limit. The text is kept byte for byte, line ends too
 * ("\r\n" and a lone "\r" are text a card may hold, and the exporter
 * writes them as they are), so that export and import are exact. */
static char *
clean_cell (Import     *import,
            guint       row,
            Column      column,
            const char *value)
{
  const char *text;

  if (!g_utf8_validate (value, -1, NULL))
    {
      add_problem (import, row, PROBLEM_INVALID,
                   _("the “%s” cell is not valid UTF-8 (save the sheet as “CSV, UTF-8”)"),
                   waymark_table_import_column_name (import, column));
      return NULL;
    }

  text = strip_formula_guard (value);
  if (strlen (text) > WAYMARK_LIMIT_TEXT_LENGTH)
    {
      add_problem (import, row, PROBLEM_TOO_LARGE,
                   _("the “%s” cell is longer than %d KiB, the most Waymark holds in one text"),
                   waymark_table_import_column_name (import, column),
                   WAYMARK_LIMIT_TEXT_LENGTH / 1024);
      return NULL;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        {
          add_problem (import, row, PROBLEM_INVALID,
                       _("the “%s” cell holds the control character U+%04X, which a document "
                         "cannot store"), waymark_table_import_column_name (import, column), c);
          return NULL;
        }
    }
  return g_strdup (text);
}

static gboolean
parse_int (Import     *import,
           guint       row,
           Column      column,
           const char *value,
           int         min,
           int         max,
           int        *result)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  gint64 number;

  if (!g_ascii_string_to_signed (stripped, 10, min, max, &number, NULL))
    {
      add_problem (import, row, PROBLEM_INVALID,
                   _("“%s” is not a whole number from %d to %d (column “%s”)"), value, min, max,
                   waymark_table_import_column_name (import, column));
      return FALSE;
    }
  *result = (int) number;
  return TRUE;
}

/* Lane kinds by their file name ("barriers"), their label in the
 * interface's language ("Barriers"), their singular or their Dutch names
 * ("Drempels", "drempel"), in any case. */
static gboolean
parse_lane_kind (const char      *value,
                 WaymarkLaneKind *kind)
{
  g_autofree char *lower = g_utf8_strdown (value, -1);

  g_strstrip (lower);
  if (waymark_lane_kind_from_string (lower, kind))
    return TRUE;
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      g_autofree char *label = g_utf8_strdown (waymark_lane_kind_get_label (k), -1);
      if (g_str_equal (label, lower))
        {
          *kind = k;
          return TRUE;
        }
    }
  /* Singular forms, as a spreadsheet column is often labelled, and the
   * Dutch names, on any desktop. */
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    {
      const WaymarkLaneKindInfo *info = waymark_lane_kind_get_info (k);

      if (g_str_equal (lower, info->singular) || g_str_equal (lower, info->dutch_label) ||
          g_str_equal (lower, info->dutch_singular))
        {
          *kind = k;
          return TRUE;
        }
    }
  return FALSE;
}

static ImportPersona *
get_persona (Import     *import,
             const char *name,
             guint       row)
{
  ImportPersona *persona = g_hash_table_lookup (import->persona_by_name, name);

  if (persona != NULL)
    return persona;
  if (waymark_table_import_over_limit (import, row, import->personas->len, WAYMARK_LIMIT_PERSONAS,
                                       &import->too_many_personas,
                                       _("the table has more than %d personas, the most Waymark "
                                         "holds"), WAYMARK_LIMIT_PERSONAS))
    return NULL;

  persona = g_new0 (ImportPersona, 1);
  persona->name = g_strdup (name);
  persona->row = row;
  persona->ambition = g_strdup ("");
  persona->color = g_strdup ("");
  persona->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) import_phase_free);
  persona->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) import_lane_free);
  persona->lane_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  persona->lane_by_order = g_hash_table_new (NULL, NULL);
  persona->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) import_entry_free);
  g_ptr_array_add (import->personas, persona);
  g_hash_table_insert (import->persona_by_name, persona->name, persona);
  return persona;
}

/* Phases are told apart by their order when the row gives one (so that a
 * journey may visit a phase name twice), by their name otherwise. */
static ImportPhase *
get_phase (Import        *import,
           ImportPersona *persona,
           const char    *name,
           int            order,
           guint          row)
{
  ImportPhase *phase;

  if (order != G_MAXINT)
    {
      for (guint i = 0; i < persona->phases->len; i++)
        {
          phase = g_ptr_array_index (persona->phases, i);
          if (phase->order != order)
            continue;
          if (!g_str_equal (phase->name, name))
            {
              add_problem (import, row, PROBLEM_INVALID,
                           _("phase %d of “%s” is “%s” (row %u), not “%s”"), order, persona->name,
                           phase->name, phase->row, name);
              return NULL;
            }
          return phase;
        }
      /* A phase first named without an order takes the order now given. */
      for (guint i = 0; i < persona->phases->len; i++)
        {
          phase = g_ptr_array_index (persona->phases, i);
          if (phase->order == G_MAXINT && g_str_equal (phase->name, name))
            {
              phase->order = order;
              return phase;
            }
        }
    }
  else
    {
      for (guint i = 0; i < persona->phases->len; i++)
        {
          phase = g_ptr_array_index (persona->phases, i);
          if (g_str_equal (phase->name, name))
            return phase;
        }
    }

  if (waymark_table_import_over_limit (import, row, persona->phases->len, WAYMARK_LIMIT_PHASES,
                                       &persona->too_many_phases,
                                       _("the persona “%s” has more than %d phases, the most "
                                         "Waymark holds"), persona->name, WAYMARK_LIMIT_PHASES))
    return NULL;
  phase = g_new0 (ImportPhase, 1);
  phase->name = g_strdup (name);
  phase->order = order;
  phase->seq = import->seq++;
  phase->row = row;
  g_ptr_array_add (persona->phases, phase);
  return phase;
}

/* The row's lane: by its order when the row gives one (two lanes of one
 * name are told apart by it), else by its name. */
static ImportLane *
get_lane (Import        *import,
          ImportPersona *persona,
          const char    *name,
          int            order,
          guint          row)
{
  ImportLane *lane;

  if (order != G_MAXINT)
    {
      lane = g_hash_table_lookup (persona->lane_by_order, GINT_TO_POINTER (order));
      if (lane != NULL && g_strcmp0 (lane->name, name) != 0)
        {
          add_problem (import, row, PROBLEM_INVALID,
                       _("lane %d of “%s” is “%s” (row %u), not “%s”"), order, persona->name,
                       lane->name, lane->row, name);
          return NULL;
        }
    }
  else
    lane = g_hash_table_lookup (persona->lane_by_name, name);

  if (lane != NULL)
    return lane;
  if (waymark_table_import_over_limit (import, row, persona->lanes->len, WAYMARK_LIMIT_LANES,
                                       &persona->too_many_lanes,
                                       _("the persona “%s” has more than %d lanes, the most "
                                         "Waymark holds"), persona->name, WAYMARK_LIMIT_LANES))
    return NULL;
  lane = g_new0 (ImportLane, 1);
  lane->name = g_strdup (name);
  lane->seq = import->seq++;
  lane->row = row;
  lane->scale_min = WAYMARK_DEFAULT_SCALE_MIN;
  lane->scale_max = WAYMARK_DEFAULT_SCALE_MAX;
  g_ptr_array_add (persona->lanes, lane);
  if (!g_hash_table_contains (persona->lane_by_name, lane->name))
    g_hash_table_insert (persona->lane_by_name, lane->name, lane);
  if (order != G_MAXINT)
    g_hash_table_insert (persona->lane_by_order, GINT_TO_POINTER (order), lane);
  return lane;
}

/* A persona-wide value (ambition, colour) may be repeated on every row,
 * or given once; two different values are a mistake. So for a domain's
 * colour. */
void
waymark_table_import_set_shared_value (Import     *import,
                                       guint       row,
                                       const char *owner_name,
                                       const char *what,
                                       char      **slot,
                                       guint      *slot_row,
                                       const char *value)
{
  if (value[0] == '\0' || g_str_equal (*slot, value))
    return;
  if ((*slot)[0] != '\0')
    {
      add_problem (import, row, PROBLEM_INVALID,
                   _("the %s of “%s” is “%s” here but “%s” on row %u"), what, owner_name, value,
                   *slot, *slot_row);
      return;
    }
  g_free (*slot);
  *slot = g_strdup (value);
  *slot_row = row;
}

static void
clear_row_cells (RowCells *cells)
{
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (cells->cells[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowCells, clear_row_cells)

/* The columns that hold whole numbers: the range of each, and where the
 * row keeps the number. */
static const struct {
  Column column;
  int    min;
  int    max;
  gsize  offset;
} number_columns[] = {
  { COL_PHASE_ORDER, 1, 100000, G_STRUCT_OFFSET (RowCells, phase_order) },
  { COL_LANE_ORDER, 1, 100000, G_STRUCT_OFFSET (RowCells, lane_order) },
  { COL_ORDER, 1, 1000000, G_STRUCT_OFFSET (RowCells, order) },
  { COL_SPAN, 1, 1000, G_STRUCT_OFFSET (RowCells, span) },
  { COL_SCORE, -1000, 1000, G_STRUCT_OFFSET (RowCells, score) },
  { COL_SCALE_MIN, -1000, 1000, G_STRUCT_OFFSET (RowCells, scale_min) },
  { COL_SCALE_MAX, -1000, 1000, G_STRUCT_OFFSET (RowCells, scale_max) },
  { COL_RECOMMENDATION, 1, 1000000, G_STRUCT_OFFSET (RowCells, number) },
  { COL_VALUE, WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX, G_STRUCT_OFFSET (RowCells, value) },
  { COL_EFFORT, WAYMARK_SCORE_MIN, WAYMARK_SCORE_MAX, G_STRUCT_OFFSET (RowCells, effort) },
};

static gboolean
row_is_blank (WaymarkTable *table,
              guint         index)
{
  for (guint i = 0; i < waymark_table_get_n_cells (table, index); i++)
    if (waymark_table_get_cell (table, index, i)[0] != '\0')
      return FALSE;
  return TRUE;
}

/* Cleans every column's cell of the row into @cells; FALSE when one of
 * them is not text a document can hold. */
static gboolean
read_cells (Import       *import,
            WaymarkTable *table,
            guint         index,
            guint         row,
            RowCells     *cells)
{
  guint n_cells = waymark_table_get_n_cells (table, index);
  gboolean ok = TRUE;

  for (guint i = import->n_header; i < n_cells; i++)
    if (waymark_table_get_cell (table, index, i)[0] != '\0')
      {
        add_problem (import, row, PROBLEM_INVALID,
                     _("the row has %u cells but the header only %u columns"), n_cells,
                     import->n_header);
        return FALSE;
      }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      const char *raw = import->columns[c] >= 0
                        ? waymark_table_get_cell (table, index, (guint) import->columns[c]) : "";

      cells->cells[c] = clean_cell (import, row, c, raw);
      if (cells->cells[c] == NULL)
        ok = FALSE;
    }
  return ok;
}

/* Reads the numbers and checks the values that need no other row: every
 * problem of the row's own cells is reported, not only the first. */
static gboolean
read_values (Import   *import,
             guint     row,
             RowCells *cells)
{
  gboolean ok = TRUE;

  cells->phase_order = G_MAXINT;
  cells->lane_order = G_MAXINT;
  cells->order = G_MAXINT;
  cells->value = WAYMARK_SCORE_UNSET;
  cells->effort = WAYMARK_SCORE_UNSET;
  for (guint i = 0; i < G_N_ELEMENTS (number_columns); i++)
    {
      Column column = number_columns[i].column;
      int *number = G_STRUCT_MEMBER_P (cells, number_columns[i].offset);

      if (has (cells, column) &&
          !parse_int (import, row, column, cells->cells[column], number_columns[i].min,
                      number_columns[i].max, number))
        ok = FALSE;
    }

  if (has (cells, COL_SCALE_MIN) != has (cells, COL_SCALE_MAX))
    {
      add_problem (import, row, PROBLEM_INVALID,
                   _("give both “scale min” and “scale max”, or neither"));
      ok = FALSE;
    }
  else if (has (cells, COL_SCALE_MIN) && ok && cells->scale_min >= cells->scale_max)
    {
      add_problem (import, row, PROBLEM_INVALID,
                   _("the scale %d to %d is empty; “scale min” must be below “scale max”"),
                   cells->scale_min, cells->scale_max);
      ok = FALSE;
    }
  {
    const Column colors[] = { COL_PERSONA_COLOR, COL_DOMAIN_COLOR };

    for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
      if (has (cells, colors[i]) && !waymark_format_is_color (cells->cells[colors[i]]))
        {
          /* TRANSLATORS: "the persona color “red” is not …"; %s is the column */
          add_problem (import, row, PROBLEM_INVALID, _("the %s “%s” is not of the form #rrggbb"),
                       waymark_table_import_column_name (import, colors[i]),
                       cells->cells[colors[i]]);
          ok = FALSE;
        }
  }
  return ok;
}

static ImportPersona *
read_persona (Import   *import,
              guint     row,
              RowCells *cells)
{
  ImportPersona *persona = get_persona (import, cells->cells[COL_PERSONA], row);
  g_autofree char *color = NULL;

  if (persona == NULL)
    return NULL;
  waymark_table_import_set_shared_value (import, row, persona->name, _("ambition"),
                                         &persona->ambition, &persona->ambition_row,
                                         cells->cells[COL_AMBITION]);
  color = g_ascii_strdown (cells->cells[COL_PERSONA_COLOR], -1);
  waymark_table_import_set_shared_value (import, row, persona->name, _("color"),
                                         &persona->color, &persona->color_row, color);
  return persona;
}

/* Sets *@phase to the row's phase, NULL when the row names none; FALSE
 * when the row cannot be read further. */
static gboolean
read_phase (Import         *import,
            ImportPersona  *persona,
            guint           row,
            RowCells       *cells,
            ImportPhase   **phase)
{
  *phase = NULL;
  if (has (cells, COL_PHASE))
    {
      *phase = get_phase (import, persona, cells->cells[COL_PHASE], cells->phase_order, row);
      return *phase != NULL;
    }
  if (cells->phase_order != G_MAXINT)
    {
      add_problem (import, row, PROBLEM_INVALID, _("the row has a phase order but no phase"));
      return FALSE;
    }
  return TRUE;
}

/* A lane's kind may be given on any of its rows, and on more than one
 * when they agree. */
static gboolean
read_lane_kind (Import        *import,
                ImportPersona *persona,
                ImportLane    *lane,
                guint          row,
                const char    *value)
{
  WaymarkLaneKind kind;

  if (!parse_lane_kind (value, &kind))
    {
      g_autofree char *kinds = waymark_lane_kind_dup_name_list ();

      /* TRANSLATORS: the second %s lists the lane kinds, "actions, … or notes" */
      add_problem (import, row, PROBLEM_INVALID, _("unknown lane kind “%s” (use %s)"), value,
                   kinds);
      return FALSE;
    }
  if (lane->kind_given && lane->kind != kind)
    {
      add_problem (import, row, PROBLEM_INVALID,
                   _("lane “%s” of “%s” is of kind %s (row %u), not %s"), lane->name, persona->name,
                   waymark_lane_kind_to_string (lane->kind), lane->kind_row,
                   waymark_lane_kind_to_string (kind));
      return FALSE;
    }
  if (!lane->kind_given)
    {
      lane->kind_given = TRUE;
      lane->kind = kind;
      lane->kind_row = row;
    }
  return TRUE;
}

/* The same holds for an emotions lane's scale. */
static gboolean
read_lane_scale (Import        *import,
                 ImportPersona *persona,
                 ImportLane    *lane,
                 guint          row,
                 int            scale_min,
                 int            scale_max)
{
  if (lane->scale_given && (lane->scale_min != scale_min || lane->scale_max != scale_max))
    {
      add_problem (import, row, PROBLEM_INVALID,
                   _("lane “%s” of “%s” has the scale %d to %d (row %u), not %d to %d"), lane->name,
                   persona->name, lane->scale_min, lane->scale_max, lane->scale_row, scale_min,
                   scale_max);
      return FALSE;
    }
  lane->scale_given = TRUE;
  lane->scale_min = scale_min;
  lane->scale_max = scale_max;
  lane->scale_row = row;
  return TRUE;
}

/* Sets *@lane to the row's lane, NULL when the row names none; FALSE
 * when the row cannot be read further. */
static gboolean
read_lane (Import         *import,
           ImportPersona  *persona,
           guint           row,
           RowCells       *cells,
           ImportLane    **lane)
{
  *lane = NULL;
  if (!has (cells, COL_LANE))
    return TRUE;
  *lane = get_lane (import, persona, cells->cells[COL_LANE], cells->lane_order, row);
  if (*lane == NULL)
    return FALSE;
  if (has (cells, COL_LANE_KIND) &&
      !read_lane_kind (import, persona, *lane, row, cells->cells[COL_LANE_KIND]))
    return FALSE;
  if (has (cells, COL_SCALE_MIN) &&
      !read_lane_scale (import, persona, *lane, row, cells->scale_min, cells->scale_max))
    return FALSE;
  return TRUE;
}

/* A row that only declares a persona, a phase or a lane: anything meant
 * for a card or point would be lost silently. */
static void
check_declaration (Import      *import,
                   guint        row,
                   RowCells    *cells,
                   ImportPhase *phase,
                   ImportLane  *lane)
{
  const Column cell_columns[] = { COL_ORDER, COL_TEXT, COL_TAGS, COL_SCORE, COL_LABEL,
                                  COL_EVIDENCE, COL_SPAN, COL_ADDRESSED_BY };

  for (guint i = 0; i < G_N_ELEMENTS (cell_columns); i++)
    if (has (cells, cell_columns[i]))
      {
        add_problem (import, row, PROBLEM_INVALID,
                     _("the row has a “%s” but no %s; cards and emotion points need both a phase "
                       "and a lane"), waymark_table_import_column_name (import, cell_columns[i]),
                     phase == NULL ? _("phase") : _("lane"));
        return;
      }
  if (lane == NULL && has (cells, COL_LANE_KIND))
    add_problem (import, row, PROBLEM_INVALID, _("the row has a lane kind but no lane"));
}

/* The tag names of a "tags" cell, once each, in their order; a tag new to
 * the table joins its list. */
static GStrv
read_tags (Import     *import,
           guint       row,
           const char *value)
{
  g_auto (GStrv) parts = g_strsplit (value, ";", -1);
  g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *name = g_strstrip (parts[i]);
      char *copy;

      if (name[0] == '\0' || g_hash_table_contains (seen, name))
        continue;
      g_hash_table_add (seen, name);
      g_strv_builder_add (tags, name);
      if (g_hash_table_contains (import->tag_set, name))
        continue;
      if (waymark_table_import_over_limit (import, row, import->tag_names->len,
                                           WAYMARK_LIMIT_TAGS, &import->too_many_tags,
                                           _("the table has more than %d tags, the most Waymark "
                                             "holds"), WAYMARK_LIMIT_TAGS))
        continue;
      copy = g_strdup (name);
      g_ptr_array_add (import->tag_names, copy);
      g_hash_table_add (import->tag_set, copy);
    }
  return g_strv_builder_end (tags);
}

/* A card or emotion point: which one is decided once every lane's kind
 * is known. */
static void
add_entry (Import        *import,
           ImportPersona *persona,
           guint          row,
           RowCells      *cells,
           ImportPhase   *phase,
           ImportLane    *lane)
{
  ImportEntry *entry = g_new0 (ImportEntry, 1);

  entry->row = row;
  entry->seq = import->seq++;
  entry->lane = lane;
  entry->phase = phase;
  entry->order = cells->order;
  entry->text = g_steal_pointer (&cells->cells[COL_TEXT]);
  entry->tags = read_tags (import, row, cells->cells[COL_TAGS]);
  entry->evidence = g_steal_pointer (&cells->cells[COL_EVIDENCE]);
  entry->span = cells->span;
  entry->has_score = has (cells, COL_SCORE);
  entry->score = cells->score;
  entry->label = g_steal_pointer (&cells->cells[COL_LABEL]);
  entry->links = waymark_table_import_read_links (import, row, cells->cells[COL_ADDRESSED_BY]);
  if (entry->has_score)
    lane->has_score = TRUE;
  g_ptr_array_add (persona->entries, entry);
}

/* Reads the row at @index of the table, the spreadsheet's row @row. */
static void
read_row (Import       *import,
          WaymarkTable *table,
          guint         index,
          guint         row)
{
  g_auto (RowCells) cells = { { NULL, }, };
  ImportPersona *persona;
  ImportPhase *phase;
  ImportLane *lane;

  if (row_is_blank (table, index))
    return;   /* blank lines between blocks are common in hand-made sheets */
  if (!read_cells (import, table, index, row, &cells))
    return;
  if (!read_values (import, row, &cells))
    return;
  if (waymark_table_import_read_recommendation_row (import, row, &cells))
    return;
  if (!has (&cells, COL_PERSONA))
    {
      add_problem (import, row, PROBLEM_INVALID, _("the persona is empty"));
      return;
    }

  persona = read_persona (import, row, &cells);
  if (persona == NULL ||
      !read_phase (import, persona, row, &cells, &phase) ||
      !read_lane (import, persona, row, &cells, &lane))
    return;

  if (phase == NULL || lane == NULL)
    check_declaration (import, row, &cells, phase, lane);
  else
    add_entry (import, persona, row, &cells, phase, lane);
}

/* A lane whose kind no row gave: the kind it is named after ("Barriers",
 * "Drempels" is not guessed), an emotions lane when its rows have
 * scores, and notes otherwise. */
static void
resolve_lane_kind (ImportLane *lane)
{
  if (lane->kind_given)
    return;
  if (parse_lane_kind (lane->name, &lane->kind))
    return;
  lane->kind = lane->has_score ? WAYMARK_LANE_EMOTIONS : WAYMARK_LANE_NOTES;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  guint ra = *(const guint *) a, rb = *(const guint *) b;

  return ra < rb ? -1 : ra > rb;
}

static int
compare_phases (gconstpointer a,
                gconstpointer b)
{
  const ImportPhase *pa = *(ImportPhase * const *) a;
  const ImportPhase *pb = *(ImportPhase * const *) b;

  if (pa->order != pb->order)
    return pa->order < pb->order ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ImportEntry *ea = *(ImportEntry * const *) a;
  const ImportEntry *eb = *(ImportEntry * const *) b;

  /* By lane, phase, then order in the cell: the canonical card order. */
  if (ea->lane->seq != eb->lane->seq)
    return ea->lane->seq < eb->lane->seq ? -1 : 1;
  if (ea->phase != eb->phase)
    return compare_phases (&ea->phase, &eb->phase);
  if (ea->order != eb->order)
    return ea->order < eb->order ? -1 : 1;
  return ea->seq < eb->seq ? -1 : ea->seq > eb->seq;
}

/* Checks what needs every row: kinds, duplicate points, scales. */
static void
check_persona (Import        *import,
               ImportPersona *persona)
{
  g_autoptr (GHashTable) points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < persona->lanes->len; i++)
    resolve_lane_kind (g_ptr_array_index (persona->lanes, i));

  for (guint i = 0; i < persona->entries->len; i++)
    {
      ImportEntry *entry = g_ptr_array_index (persona->entries, i);
      ImportLane *lane = entry->lane;

      if (waymark_lane_kind_holds_emotions (lane->kind))
        {
          g_autofree char *key = NULL;

          if (!entry->has_score)
            {
              add_problem (import, entry->row, PROBLEM_INVALID,
                           _("“%s” is an emotions lane: the row needs a score"), lane->name);
              continue;
            }
          if (entry->text[0] != '\0' || entry->tags[0] != NULL || entry->evidence[0] != '\0' ||
              entry->span != 0 || entry->order != G_MAXINT)
            {
              add_problem (import, entry->row, PROBLEM_INVALID,
                           _("“%s” is an emotions lane, which holds points (score and label), not "
                             "cards with text, tags, evidence, order or span"), lane->name);
              continue;
            }
          if (entry->score < lane->scale_min || entry->score > lane->scale_max)
            {
              add_problem (import, entry->row, PROBLEM_INVALID,
                           _("the score %d is outside the scale of “%s”, %d to %d (set “scale min” "
                             "and “scale max”)"), entry->score, lane->name, lane->scale_min,
                           lane->scale_max);
              continue;
            }
          key = g_strdup_printf ("%p/%p", (void *) lane, (void *) entry->phase);
          if (g_hash_table_contains (points, key))
            {
              ImportEntry *first = g_hash_table_lookup (points, key);
              add_problem (import, entry->row, PROBLEM_INVALID,
                           _("“%s” already has a point for phase “%s” (row %u)"), lane->name,
                           entry->phase->name, first->row);
              continue;
            }
          g_hash_table_insert (points, g_steal_pointer (&key), entry);
        }
      else if (entry->has_score || entry->label[0] != '\0')
        {
          add_problem (import, entry->row, PROBLEM_INVALID,
                       _("“%s” is a %s lane; a score or label belongs in an emotions lane"),
                       lane->name, waymark_lane_kind_to_string (lane->kind));
        }
    }

  for (guint i = 0; i < persona->lanes->len; i++)
    {
      ImportLane *lane = g_ptr_array_index (persona->lanes, i);

      if (lane->scale_given && !waymark_lane_kind_holds_emotions (lane->kind))
        add_problem (import, lane->scale_row, PROBLEM_INVALID,
                     _("“%s” is a %s lane; only emotions lanes have a scale"), lane->name,
                     waymark_lane_kind_to_string (lane->kind));
    }
}

/* Cards are told from emotion points once every lane's kind is known, so
 * their limit is checked last, naming the row of the first card too many. */
static void
check_card_count (Import *import)
{
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint p = 0; p < import->personas->len; p++)
    {
      ImportPersona *persona = g_ptr_array_index (import->personas, p);

      for (guint i = 0; i < persona->entries->len; i++)
        {
          ImportEntry *entry = g_ptr_array_index (persona->entries, i);

          if (waymark_lane_kind_holds_cards (entry->lane->kind))
            g_array_append_val (rows, entry->row);
        }
    }
  if (rows->len <= WAYMARK_LIMIT_CARDS)
    return;
  g_array_sort (rows, compare_rows);
  add_problem (import, g_array_index (rows, guint, WAYMARK_LIMIT_CARDS), PROBLEM_TOO_LARGE,
               _("the table has more than %d cards, the most Waymark holds"), WAYMARK_LIMIT_CARDS);
}

static WaymarkDocument *
build_document (Import *import)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  g_autoptr (GHashTable) tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  guint position = 0;

  for (guint i = 0; i < import->tag_names->len; i++)
    {
      const char *name = g_ptr_array_index (import->tag_names, i);
      char color[8];
      g_autofree char *id = waymark_document_new_id (document, "tag");
      const char *final_id;

      /* A CSV carries only tag names. */
      waymark_tag_color_for_index (i, color);
      final_id = waymark_document_insert_tag (document, waymark_tag_new (id, name, color), -1);
      if (final_id == NULL)
        return NULL;
      g_hash_table_insert (tag_ids, (gpointer) name, g_strdup (final_id));
    }

  for (guint p = 0; p < import->personas->len; p++)
    {
      ImportPersona *source = g_ptr_array_index (import->personas, p);
      g_autofree char *persona_id = waymark_document_new_id (document, "persona");
      WaymarkPersona *persona = waymark_persona_new (persona_id, source->name);

      g_free (persona->ambition);
      persona->ambition = g_strdup (source->ambition);
      g_free (persona->color);
      persona->color = g_strdup (source->color);

      /* The ids are made here, unique in the document, because the
       * persona is inserted whole with its children referring to them. */
      g_ptr_array_sort (source->phases, compare_phases);
      for (guint i = 0; i < source->phases->len; i++)
        {
          ImportPhase *phase = g_ptr_array_index (source->phases, i);
          phase->id = waymark_document_new_id (document, "phase");
          g_ptr_array_add (persona->phases, waymark_phase_new (phase->id, phase->name));
        }
      for (guint i = 0; i < source->lanes->len; i++)
        {
          ImportLane *lane = g_ptr_array_index (source->lanes, i);
          WaymarkLane *model_lane;

          lane->id = waymark_document_new_id (document, "lane");
          model_lane = waymark_lane_new (lane->id, lane->name, lane->kind);
          model_lane->scale_min = lane->scale_min;
          model_lane->scale_max = lane->scale_max;
          g_ptr_array_add (persona->lanes, model_lane);
        }

      g_ptr_array_sort (source->entries, compare_entries);
      for (guint i = 0; i < source->entries->len; i++)
        {
          ImportEntry *entry = g_ptr_array_index (source->entries, i);

          if (waymark_lane_kind_holds_emotions (entry->lane->kind))
            {
              g_ptr_array_add (persona->emotions,
                               waymark_emotion_point_new (entry->lane->id, entry->phase->id,
                                                          entry->score, entry->label));
            }
          else
            {
              g_autofree char *card_id = waymark_document_new_id (document, "card");
              WaymarkCard *card = waymark_card_new (card_id, entry->lane->id, entry->phase->id,
                                                    entry->text);
              g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();

              card->span = MAX (entry->span, 1);
              g_free (card->evidence);
              card->evidence = g_strdup (entry->evidence);
              for (guint t = 0; entry->tags[t] != NULL; t++)
                g_strv_builder_add (tags, g_hash_table_lookup (tag_ids, entry->tags[t]));
              g_strfreev (card->tags);
              card->tags = g_strv_builder_end (tags);
              entry->position = position++;
              entry->card_id = g_strdup (card_id);
              g_ptr_array_add (persona->cards, card);
            }
        }

      if (waymark_document_insert_persona (document, persona, -1) == NULL)
        return NULL;
    }

  if (!waymark_table_import_build_recommendations (import, document))
    return NULL;
  return g_steal_pointer (&document);
}

/* Within every count, long texts can still make a map that saves to a
 * file larger than the loader reads (WAYMARK_FORMAT_MAX_FILE_SIZE): the
 * map would be saved and then never open again. */
static void
check_file_size (Import          *import,
                 WaymarkDocument *document)
{
  g_autoptr (GBytes) saved = waymark_format_save_to_bytes (document);
  gsize size = g_bytes_get_size (saved);

  if (size <= WAYMARK_FORMAT_MAX_FILE_SIZE)
    return;
  add_problem (import, 0, PROBLEM_TOO_LARGE,
               _("the map would be a %.1f MiB file, more than the %d MiB Waymark opens; import its "
                 "personas from smaller tables"), size / (1024.0 * 1024.0),
               WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
}

WaymarkDocument *
waymark_table_import (WaymarkTable  *table,
                      const char    *title,
                      GPtrArray    **problems)
{
  return waymark_table_import_with_options (table, title, NULL, problems);
}

WaymarkDocument *
waymark_table_import_with_options (WaymarkTable               *table,
                                   const char                 *title,
                                   const WaymarkImportOptions *options,
                                   GPtrArray                 **problems)
{
  g_autoptr (GPtrArray) all_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  g_autoptr (GPtrArray) personas =
    g_ptr_array_new_with_free_func ((GDestroyNotify) import_persona_free);
  g_autoptr (GHashTable) persona_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) tag_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) tag_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) domains =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_table_import_domain_free);
  g_autoptr (GHashTable) domain_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) recommendations =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_table_import_recommendation_free);
  g_autoptr (GHashTable) recommendation_by_number = g_hash_table_new (NULL, NULL);
  g_autoptr (WaymarkDocument) document = NULL;
  Import import = { 0, };
  guint n_rows = waymark_table_get_n_rows (table);
  gboolean header_ok = FALSE;

  import.file = waymark_table_get_display_name (table);
  import.problems = all_problems;
  import.personas = personas;
  import.persona_by_name = persona_by_name;
  import.tag_names = tag_names;
  import.tag_set = tag_set;
  import.domains = domains;
  import.domain_by_name = domain_by_name;
  import.recommendations = recommendations;
  import.recommendation_by_number = recommendation_by_number;

  for (guint i = 0; i < n_rows && !import.stopped; i++)
    {
      guint row = waymark_table_get_line (table, i);
      const char *problem = waymark_table_get_problem (table, i);

      if (problem != NULL)
        {
          add_problem (&import, row, PROBLEM_INVALID, "%s", problem);
          /* Without a header, no other row can be read. */
          if (i == 0)
            break;
          continue;
        }
      if (i == 0)
        {
          header_ok = read_header (&import, table,
                                   options != NULL ? options->columns : NULL);
          if (!header_ok)
            break;
          continue;
        }
      read_row (&import, table, i, row);
    }

  if (n_rows == 0)
    add_problem (&import, 0, PROBLEM_INVALID, _("the file is empty"));
  else if (header_ok && import.n_errors == 0 && personas->len == 0 && domains->len == 0 &&
           recommendations->len == 0)
    add_problem (&import, 0, PROBLEM_INVALID, _("the file has a header but no rows"));

  if (import.n_errors == 0)
    for (guint i = 0; i < personas->len; i++)
      check_persona (&import, g_ptr_array_index (personas, i));
  if (import.n_errors == 0)
    check_card_count (&import);
  if (import.n_errors == 0)
    waymark_table_import_check_links (&import);

  if (import.n_errors == 0)
    {
      document = build_document (&import);
      /* A sheet with Dutch headers makes a Dutch map, which exports them
       * again: the round trip keeps the researcher's language. */
      if (document != NULL && import.n_dutch > import.n_english)
        waymark_document_set_text (document, NULL, WAYMARK_FIELD_LANGUAGE, "nl");
      if (document == NULL)
        add_problem (&import, 0, PROBLEM_TOO_LARGE,
                     _("the table makes a map larger than Waymark holds"));
      else
        {
          waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, title);
          waymark_history_clear (waymark_document_get_history (document));
          check_file_size (&import, document);
          if (import.n_errors > 0)
            g_clear_object (&document);
        }
    }

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (import.titles[i]);
  if (problems != NULL)
    *problems = g_steal_pointer (&all_problems);
  return g_steal_pointer (&document);
}
