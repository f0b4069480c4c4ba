/* waymark-csv-import.c: building a document from a CSV table
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-csv-private.h"
#include "waymark-format.h"

/* The parser is written by hand: GLib has no CSV reader, and the CSV
 * libraries Debian ships (libcsv) are not in the GNOME stack we build on.
 * RFC 4180 is small enough that a state machine over the bytes is shorter
 * than the glue to a library would be, and it lets us enforce our own
 * limits and report problems by spreadsheet row. */

/* ------------------------------------------------------------------ */
/* Reading records                                                     */

typedef struct {
  const char *data;
  gsize       len;
  gsize       pos;
  char        delimiter;
  guint       row;          /* of the record just read */
  GPtrArray  *header;       /* the header's cells, once read; for messages */
} Reader;

typedef enum {
  READ_OK,
  READ_EOF,
  READ_BAD,                 /* a syntax problem; *message says what */
  READ_FATAL,               /* cannot go on (an unclosed quote) */
} ReadResult;

/* Picks the delimiter from the header line: a comma (RFC 4180), unless
 * the line has more semicolons or tabs, which is what spreadsheets in
 * locales with a decimal comma (Dutch Excel among them) write. */
static char
guess_delimiter (const char *data,
                 gsize       len)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (gsize i = 0; i < len; i++)
    {
      char c = data[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted && c == ',')
        commas++;
      else if (!quoted && c == ';')
        semicolons++;
      else if (!quoted && c == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

static void
skip_to_end_of_record (Reader *reader)
{
  gboolean quoted = FALSE;

  while (reader->pos < reader->len)
    {
      char c = reader->data[reader->pos++];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && c == '\n')
        return;
      else if (!quoted && c == '\r')
        {
          if (reader->pos < reader->len && reader->data[reader->pos] == '\n')
            reader->pos++;
          return;
        }
    }
}

static char *
cell_too_long_message (void)
{
  return g_strdup_printf (_("a cell is longer than %d KiB, the most Waymark holds in one text"),
                          WAYMARK_LIMIT_TEXT_LENGTH / 1024);
}

/* A NUL byte would end the cell's text where it stands, silently: the
 * message names the cell by its header where there is one. */
static char *
nul_message (Reader *reader,
             guint   cell)
{
  const char *name = NULL;

  if (reader->header != NULL && cell < reader->header->len)
    name = g_ptr_array_index (reader->header, cell);
  if (name != NULL && name[0] != '\0' && g_utf8_validate (name, -1, NULL))
    return g_strdup_printf (_("the “%s” cell (column %u) holds a NUL byte, which a document "
                              "cannot store"), name, cell + 1);
  return g_strdup_printf (_("cell %u holds a NUL byte, which a document cannot store"), cell + 1);
}

/* Reads one record into @fields (strings, as they are in the file but
 * with quoting undone). Memory stays bounded by the field and column
 * limits, whatever the file holds. */
static ReadResult
read_record (Reader     *reader,
             GPtrArray  *fields,
             char      **message)
{
  g_autoptr (GString) field = g_string_new (NULL);
  int nul_cell = -1;

  g_ptr_array_set_size (fields, 0);
  if (reader->pos >= reader->len)
    return READ_EOF;
  reader->row++;

  for (;;)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);

      if (reader->pos < reader->len && reader->data[reader->pos] == '"')
        {
          quoted = TRUE;
          reader->pos++;
          for (;;)
            {
              char c;

              if (reader->pos >= reader->len)
                {
                  *message = g_strdup (_("a quoted cell is not closed; the rest of the file is "
                                         "inside it"));
                  return READ_FATAL;
                }
              c = reader->data[reader->pos++];
              if (c == '"')
                {
                  if (reader->pos < reader->len && reader->data[reader->pos] == '"')
                    reader->pos++;
                  else
                    break;
                }
              if (field->len >= WAYMARK_CSV_MAX_FIELD_LENGTH)
                {
                  *message = cell_too_long_message ();
                  /* Find the closing quote so that the next record starts right. */
                  reader->pos--;
                  while (reader->pos < reader->len)
                    {
                      c = reader->data[reader->pos++];
                      if (c == '"')
                        {
                          if (reader->pos < reader->len && reader->data[reader->pos] == '"')
                            reader->pos++;
                          else
                            break;
                        }
                    }
                  skip_to_end_of_record (reader);
                  return READ_BAD;
                }
              if (c == '\0' && nul_cell < 0)
                nul_cell = (int) fields->len;
              g_string_append_c (field, c);
            }
        }

      /* Unquoted text, or what follows a closing quote. */
      while (reader->pos < reader->len)
        {
          char c = reader->data[reader->pos];

          if (c == reader->delimiter || c == '\n' || c == '\r')
            break;
          if (quoted)
            {
              *message = g_strdup_printf (_("unexpected “%c” after the closing quote of a cell; "
                                            "quotes inside a quoted cell are doubled (\"\")"),
                                          g_ascii_isprint (c) ? c : '?');
              skip_to_end_of_record (reader);
              return READ_BAD;
            }
          if (field->len >= WAYMARK_CSV_MAX_FIELD_LENGTH)
            {
              *message = cell_too_long_message ();
              skip_to_end_of_record (reader);
              return READ_BAD;
            }
          if (c == '\0' && nul_cell < 0)
            nul_cell = (int) fields->len;
          /* A stray quote inside an unquoted cell is not RFC 4180, but
           * spreadsheets write it for text like 5" screens: keep it. */
          g_string_append_c (field, c);
          reader->pos++;
        }

      if (fields->len >= WAYMARK_CSV_MAX_COLUMNS)
        {
          *message = g_strdup_printf (_("the row has more than %d cells"),
                                      WAYMARK_CSV_MAX_COLUMNS);
          skip_to_end_of_record (reader);
          return READ_BAD;
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (reader->pos < reader->len && reader->data[reader->pos] == reader->delimiter)
        {
          reader->pos++;
          continue;
        }
      /* End of record: CRLF, LF, or a lone CR (old Mac spreadsheets). */
      if (reader->pos < reader->len && reader->data[reader->pos] == '\r')
        reader->pos++;
      if (reader->pos < reader->len && reader->data[reader->pos] == '\n')
        reader->pos++;
      if (nul_cell >= 0)
        {
          *message = nul_message (reader, (guint) nul_cell);
          return READ_BAD;
        }
      return READ_OK;
    }
}

/* ------------------------------------------------------------------ */
/* Building a document                                                 */

typedef struct {
  char  *name;
  int    order;             /* from the file; G_MAXINT when not given */
  guint  seq;               /* order of appearance */
  guint  row;
  char  *id;
} ImportPhase;

typedef struct {
  char            *name;
  guint            seq;
  guint            row;
  gboolean         kind_given;
  WaymarkLaneKind  kind;
  guint            kind_row;
  gboolean         has_score;
  gboolean         scale_given;
  int              scale_min;
  int              scale_max;
  guint            scale_row;
  char            *id;
} ImportLane;

/* A row that puts something in a cell: a card, or an emotion point; which
 * one is decided once every lane's kind is known. */
typedef struct {
  guint        row;
  guint        seq;
  ImportLane  *lane;
  ImportPhase *phase;
  int          order;       /* G_MAXINT when not given */
  char        *text;
  GStrv        tags;        /* names */
  char        *evidence;
  int          span;        /* 0 when not given */
  gboolean     has_score;
  int          score;
  char        *label;
} ImportEntry;

typedef struct {
  char       *name;
  guint       row;
  char       *ambition;
  guint       ambition_row;
  char       *color;
  guint       color_row;
  GPtrArray  *phases;       /* ImportPhase*, owned */
  GPtrArray  *lanes;        /* ImportLane*, owned */
  GHashTable *lane_by_name; /* name → ImportLane* */
  GPtrArray  *entries;      /* ImportEntry*, owned */
  gboolean    too_many_phases;  /* reported */
  gboolean    too_many_lanes;   /* reported */
} ImportPersona;

typedef struct {
  const char  *file;
  GPtrArray   *problems;
  guint        n_errors;
  gboolean     stopped;     /* too many problems */
  int          columns[N_COLUMNS];  /* index of each column in the rows, or -1 */
  guint        n_header;
  GPtrArray   *personas;    /* ImportPersona*, owned */
  GHashTable  *persona_by_name;
  GPtrArray   *tag_names;   /* in order of first appearance */
  GHashTable  *tag_set;
  guint        seq;
  gboolean     too_many_personas;  /* reported */
  gboolean     too_many_tags;      /* reported */
} Import;

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
  g_ptr_array_unref (persona->entries);
  g_free (persona);
}

G_GNUC_PRINTF (5, 0)
static void
add_problem_valist (Import          *import,
                    guint            row,
                    gboolean         warning,
                    WaymarkCsvError  code,
                    const char      *format,
                    va_list          args)
{
  WaymarkProblemSeverity severity = warning ? WAYMARK_PROBLEM_WARNING : WAYMARK_PROBLEM_ERROR;
  char *message;

  if (import->stopped)
    return;
  if (!warning)
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

G_GNUC_PRINTF (4, 5)
static void
add_problem (Import     *import,
             guint       row,
             gboolean    warning,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  add_problem_valist (import, row, warning, WAYMARK_CSV_ERROR_INVALID, format, args);
  va_end (args);
}

/* The table would pass one of the model's limits (waymark-limits.h): the
 * editor and the loader hold no more, so the import is refused whole
 * rather than keeping what fits. */
G_GNUC_PRINTF (3, 4)
static void
add_limit_problem (Import     *import,
                   guint       row,
                   const char *format,
                   ...)
{
  va_list args;

  va_start (args, format);
  add_problem_valist (import, row, FALSE, WAYMARK_CSV_ERROR_TOO_LARGE, format, args);
  va_end (args);
}

/* "Lane Kind", "lane_kind" and " lane-kind " all name the same column. */
static char *
normalize_header (const char *cell)
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
  /* "persona colour" is how half the researchers will spell it. */
  if (g_str_equal (out->str, "persona colour"))
    return g_strdup ("persona color");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
read_header (Import    *import,
             GPtrArray *fields)
{
  gboolean ok = TRUE;

  for (guint i = 0; i < N_COLUMNS; i++)
    import->columns[i] = -1;
  import->n_header = fields->len;

  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *name = normalize_header (g_ptr_array_index (fields, i));
      gboolean known = FALSE;

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          if (!g_str_equal (name, waymark_csv_column_names[c]))
            continue;
          known = TRUE;
          if (import->columns[c] >= 0)
            {
              add_problem (import, 1, FALSE, _("the column “%s” appears twice"), waymark_csv_column_names[c]);
              ok = FALSE;
            }
          else
            import->columns[c] = (int) i;
        }
      if (!known && name[0] != '\0')
        add_problem (import, 1, TRUE, _("the column “%s” is not a Waymark column; it is ignored"),
                     (const char *) g_ptr_array_index (fields, i));
    }

  {
    const Column required[] = { COL_PERSONA, COL_PHASE, COL_LANE };
    for (guint i = 0; i < G_N_ELEMENTS (required); i++)
      if (import->columns[required[i]] < 0)
        {
          add_problem (import, 1, FALSE,
                       _("the header row has no “%s” column (the first row must name the "
                         "columns: persona, phase, lane, text, …)"),
                       waymark_csv_column_names[required[i]]);
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
      add_problem (import, row, FALSE, _("the “%s” cell is not valid UTF-8 (save the sheet as "
                                         "“CSV, UTF-8”)"),
                   waymark_csv_column_names[column]);
      return NULL;
    }

  text = strip_formula_guard (value);
  if (strlen (text) > WAYMARK_LIMIT_TEXT_LENGTH)
    {
      add_limit_problem (import, row, _("the “%s” cell is longer than %d KiB, the most Waymark "
                                        "holds in one text"),
                         waymark_csv_column_names[column], WAYMARK_LIMIT_TEXT_LENGTH / 1024);
      return NULL;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF)
        {
          add_problem (import, row, FALSE,
                       _("the “%s” cell holds the control character U+%04X, which a document "
                         "cannot store"),
                       waymark_csv_column_names[column], c);
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
           gint64      min,
           gint64      max,
           int        *result)
{
  g_autofree char *stripped = g_strstrip (g_strdup (value));
  gint64 number;

  if (!g_ascii_string_to_signed (stripped, 10, min, max, &number, NULL))
    {
      add_problem (import, row, FALSE, _("“%s” is not a whole number from %" G_GINT64_FORMAT
                                         " to %" G_GINT64_FORMAT " (column “%s”)"),
                   value, min, max, waymark_csv_column_names[column]);
      return FALSE;
    }
  *result = (int) number;
  return TRUE;
}

/* Lane kinds by their file name ("barriers") or English label ("Barriers"),
 * in any case. */
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
  /* Singular forms, as a spreadsheet column is often labelled. */
  for (guint k = 0; k < WAYMARK_N_LANE_KINDS; k++)
    if (g_str_equal (lower, waymark_lane_kind_get_info (k)->singular))
      {
        *kind = k;
        return TRUE;
      }
  return FALSE;
}

static gboolean
is_color (const char *value)
{
  if (strlen (value) != 7 || value[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (value[i]))
      return FALSE;
  return TRUE;
}

static ImportPersona *
get_persona (Import     *import,
             const char *name,
             guint       row)
{
  ImportPersona *persona = g_hash_table_lookup (import->persona_by_name, name);

  if (persona != NULL)
    return persona;
  if (import->personas->len >= WAYMARK_LIMIT_PERSONAS)
    {
      if (!import->too_many_personas)
        add_limit_problem (import, row, _("the table has more than %d personas, the most "
                                          "Waymark holds"), WAYMARK_LIMIT_PERSONAS);
      import->too_many_personas = TRUE;
      return NULL;
    }

  persona = g_new0 (ImportPersona, 1);
  persona->name = g_strdup (name);
  persona->row = row;
  persona->ambition = g_strdup ("");
  persona->color = g_strdup ("");
  persona->phases = g_ptr_array_new_with_free_func ((GDestroyNotify) import_phase_free);
  persona->lanes = g_ptr_array_new_with_free_func ((GDestroyNotify) import_lane_free);
  persona->lane_by_name = g_hash_table_new (g_str_hash, g_str_equal);
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
              add_problem (import, row, FALSE,
                           _("phase %d of “%s” is “%s” (row %u), not “%s”"),
                           order, persona->name, phase->name, phase->row, name);
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

  if (persona->phases->len >= WAYMARK_LIMIT_PHASES)
    {
      if (!persona->too_many_phases)
        add_limit_problem (import, row, _("the persona “%s” has more than %d phases, the most "
                                          "Waymark holds"), persona->name, WAYMARK_LIMIT_PHASES);
      persona->too_many_phases = TRUE;
      return NULL;
    }
  phase = g_new0 (ImportPhase, 1);
  phase->name = g_strdup (name);
  phase->order = order;
  phase->seq = import->seq++;
  phase->row = row;
  g_ptr_array_add (persona->phases, phase);
  return phase;
}

static ImportLane *
get_lane (Import        *import,
          ImportPersona *persona,
          const char    *name,
          guint          row)
{
  ImportLane *lane = g_hash_table_lookup (persona->lane_by_name, name);

  if (lane != NULL)
    return lane;
  if (persona->lanes->len >= WAYMARK_LIMIT_LANES)
    {
      if (!persona->too_many_lanes)
        add_limit_problem (import, row, _("the persona “%s” has more than %d lanes, the most "
                                          "Waymark holds"), persona->name, WAYMARK_LIMIT_LANES);
      persona->too_many_lanes = TRUE;
      return NULL;
    }
  lane = g_new0 (ImportLane, 1);
  lane->name = g_strdup (name);
  lane->seq = import->seq++;
  lane->row = row;
  lane->scale_min = WAYMARK_DEFAULT_SCALE_MIN;
  lane->scale_max = WAYMARK_DEFAULT_SCALE_MAX;
  g_ptr_array_add (persona->lanes, lane);
  g_hash_table_insert (persona->lane_by_name, lane->name, lane);
  return lane;
}

/* A persona-wide value (ambition, colour) may be repeated on every row,
 * or given once; two different values are a mistake. */
static void
set_persona_value (Import     *import,
                   guint       row,
                   const char *persona_name,
                   const char *what,
                   char      **slot,
                   guint      *slot_row,
                   const char *value)
{
  if (value[0] == '\0' || g_str_equal (*slot, value))
    return;
  if ((*slot)[0] != '\0')
    {
      add_problem (import, row, FALSE, _("the %s of “%s” is “%s” here but “%s” on row %u"),
                   what, persona_name, value, *slot, *slot_row);
      return;
    }
  g_free (*slot);
  *slot = g_strdup (value);
  *slot_row = row;
}

static void
read_row_cells (Import    *import,
                guint      row,
                GPtrArray *fields,
                char      *cells[N_COLUMNS])
{
  gboolean ok = TRUE;
  gboolean empty = TRUE;
  ImportPersona *persona;
  ImportPhase *phase = NULL;
  ImportLane *lane = NULL;
  int phase_order = G_MAXINT, order = G_MAXINT, span = 0, score = 0;
  int scale_min = 0, scale_max = 0;

  for (guint i = 0; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      empty = FALSE;
  if (empty)
    return;   /* blank lines between blocks are common in hand-made sheets */

  for (guint i = import->n_header; i < fields->len; i++)
    if (((const char *) g_ptr_array_index (fields, i))[0] != '\0')
      {
        add_problem (import, row, FALSE,
                     _("the row has %u cells but the header only %u columns"),
                     fields->len, import->n_header);
        return;
      }

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      int index = import->columns[c];
      const char *raw = index >= 0 && (guint) index < fields->len
                        ? g_ptr_array_index (fields, index) : "";

      cells[c] = clean_cell (import, row, c, raw);
      if (cells[c] == NULL)
        ok = FALSE;
    }
  if (!ok)
    return;

  if (cells[COL_PERSONA][0] == '\0')
    {
      add_problem (import, row, FALSE, _("the persona is empty"));
      return;
    }

  if (cells[COL_PHASE_ORDER][0] != '\0' &&
      !parse_int (import, row, COL_PHASE_ORDER, cells[COL_PHASE_ORDER], 1, 100000, &phase_order))
    ok = FALSE;
  if (cells[COL_ORDER][0] != '\0' &&
      !parse_int (import, row, COL_ORDER, cells[COL_ORDER], 1, 1000000, &order))
    ok = FALSE;
  if (cells[COL_SPAN][0] != '\0' &&
      !parse_int (import, row, COL_SPAN, cells[COL_SPAN], 1, 1000, &span))
    ok = FALSE;
  if (cells[COL_SCORE][0] != '\0' &&
      !parse_int (import, row, COL_SCORE, cells[COL_SCORE], -1000, 1000, &score))
    ok = FALSE;
  if (cells[COL_SCALE_MIN][0] != '\0' &&
      !parse_int (import, row, COL_SCALE_MIN, cells[COL_SCALE_MIN], -1000, 1000, &scale_min))
    ok = FALSE;
  if (cells[COL_SCALE_MAX][0] != '\0' &&
      !parse_int (import, row, COL_SCALE_MAX, cells[COL_SCALE_MAX], -1000, 1000, &scale_max))
    ok = FALSE;
  if ((cells[COL_SCALE_MIN][0] != '\0') != (cells[COL_SCALE_MAX][0] != '\0'))
    {
      add_problem (import, row, FALSE, _("give both “scale min” and “scale max”, or neither"));
      ok = FALSE;
    }
  else if (cells[COL_SCALE_MIN][0] != '\0' && ok && scale_min >= scale_max)
    {
      add_problem (import, row, FALSE, _("the scale %d to %d is empty; “scale min” must be "
                                         "below “scale max”"),
                   scale_min, scale_max);
      ok = FALSE;
    }
  if (cells[COL_PERSONA_COLOR][0] != '\0' && !is_color (cells[COL_PERSONA_COLOR]))
    {
      add_problem (import, row, FALSE, _("the persona color “%s” is not of the form #rrggbb"),
                   cells[COL_PERSONA_COLOR]);
      ok = FALSE;
    }
  if (!ok)
    return;

  persona = get_persona (import, cells[COL_PERSONA], row);
  if (persona == NULL)
    return;
  set_persona_value (import, row, persona->name, _("ambition"), &persona->ambition,
                     &persona->ambition_row, cells[COL_AMBITION]);
  {
    g_autofree char *color = g_ascii_strdown (cells[COL_PERSONA_COLOR], -1);
    set_persona_value (import, row, persona->name, _("color"), &persona->color,
                       &persona->color_row, color);
  }

  if (cells[COL_PHASE][0] != '\0')
    {
      phase = get_phase (import, persona, cells[COL_PHASE], phase_order, row);
      if (phase == NULL)
        return;
    }
  else if (phase_order != G_MAXINT)
    {
      add_problem (import, row, FALSE, _("the row has a phase order but no phase"));
      return;
    }

  if (cells[COL_LANE][0] != '\0')
    {
      lane = get_lane (import, persona, cells[COL_LANE], row);
      if (lane == NULL)
        return;
      if (cells[COL_LANE_KIND][0] != '\0')
        {
          WaymarkLaneKind kind;

          if (!parse_lane_kind (cells[COL_LANE_KIND], &kind))
            {
              g_autofree char *kinds = waymark_lane_kind_dup_name_list ();

              /* TRANSLATORS: the second %s lists the lane kinds, "actions, … or notes" */
              add_problem (import, row, FALSE, _("unknown lane kind “%s” (use %s)"),
                           cells[COL_LANE_KIND], kinds);
              return;
            }
          if (lane->kind_given && lane->kind != kind)
            {
              add_problem (import, row, FALSE,
                           _("lane “%s” of “%s” is of kind %s (row %u), not %s"),
                           lane->name, persona->name, waymark_lane_kind_to_string (lane->kind),
                           lane->kind_row, waymark_lane_kind_to_string (kind));
              return;
            }
          if (!lane->kind_given)
            {
              lane->kind_given = TRUE;
              lane->kind = kind;
              lane->kind_row = row;
            }
        }
      if (cells[COL_SCALE_MIN][0] != '\0')
        {
          if (lane->scale_given && (lane->scale_min != scale_min || lane->scale_max != scale_max))
            {
              add_problem (import, row, FALSE,
                           _("lane “%s” of “%s” has the scale %d to %d (row %u), not %d to %d"),
                           lane->name, persona->name, lane->scale_min, lane->scale_max,
                           lane->scale_row, scale_min, scale_max);
              return;
            }
          lane->scale_given = TRUE;
          lane->scale_min = scale_min;
          lane->scale_max = scale_max;
          lane->scale_row = row;
        }
    }

  if (phase == NULL || lane == NULL)
    {
      /* A row that only declares a persona, a phase or a lane: anything
       * meant for a card or point would be lost silently. */
      const Column cell_columns[] = { COL_ORDER, COL_TEXT, COL_TAGS, COL_SCORE, COL_LABEL,
                                      COL_EVIDENCE, COL_SPAN };
      for (guint i = 0; i < G_N_ELEMENTS (cell_columns); i++)
        if (cells[cell_columns[i]][0] != '\0')
          {
            add_problem (import, row, FALSE,
                         _("the row has a “%s” but no %s; cards and emotion points need both "
                           "a phase and a lane"),
                         waymark_csv_column_names[cell_columns[i]], phase == NULL ? _("phase") : _("lane"));
            return;
          }
      if (lane == NULL && cells[COL_LANE_KIND][0] != '\0')
        {
          add_problem (import, row, FALSE, _("the row has a lane kind but no lane"));
          return;
        }
      return;
    }

  {
    ImportEntry *entry = g_new0 (ImportEntry, 1);
    g_auto (GStrv) parts = g_strsplit (cells[COL_TAGS], ";", -1);
    g_autoptr (GStrvBuilder) tags = g_strv_builder_new ();
    g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; parts[i] != NULL; i++)
      {
        char *name = g_strstrip (parts[i]);

        if (name[0] == '\0' || g_hash_table_contains (seen, name))
          continue;
        g_hash_table_add (seen, name);
        g_strv_builder_add (tags, name);
        if (g_hash_table_contains (import->tag_set, name))
          continue;
        if (import->tag_names->len >= WAYMARK_LIMIT_TAGS)
          {
            if (!import->too_many_tags)
              add_limit_problem (import, row, _("the table has more than %d tags, the most "
                                                "Waymark holds"), WAYMARK_LIMIT_TAGS);
            import->too_many_tags = TRUE;
            continue;
          }
        {
          char *copy = g_strdup (name);
          g_ptr_array_add (import->tag_names, copy);
          g_hash_table_add (import->tag_set, copy);
        }
      }

    entry->row = row;
    entry->seq = import->seq++;
    entry->lane = lane;
    entry->phase = phase;
    entry->order = order;
    entry->text = g_steal_pointer (&cells[COL_TEXT]);
    entry->tags = g_strv_builder_end (tags);
    entry->evidence = g_steal_pointer (&cells[COL_EVIDENCE]);
    entry->span = span;
    entry->has_score = cells[COL_SCORE][0] != '\0';
    entry->score = score;
    entry->label = g_steal_pointer (&cells[COL_LABEL]);
    if (entry->has_score)
      lane->has_score = TRUE;
    g_ptr_array_add (persona->entries, entry);
  }
}

static void
read_row (Import    *import,
          guint      row,
          GPtrArray *fields)
{
  char *cells[N_COLUMNS] = { NULL, };

  read_row_cells (import, row, fields, cells);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (cells[i]);
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
              add_problem (import, entry->row, FALSE,
                           _("“%s” is an emotions lane: the row needs a score"), lane->name);
              continue;
            }
          if (entry->text[0] != '\0' || entry->tags[0] != NULL || entry->evidence[0] != '\0' ||
              entry->span != 0 || entry->order != G_MAXINT)
            {
              add_problem (import, entry->row, FALSE,
                           _("“%s” is an emotions lane, which holds points (score and label), "
                             "not cards with text, tags, evidence, order or span"),
                           lane->name);
              continue;
            }
          if (entry->score < lane->scale_min || entry->score > lane->scale_max)
            {
              add_problem (import, entry->row, FALSE,
                           _("the score %d is outside the scale of “%s”, %d to %d (set “scale "
                             "min” and “scale max”)"),
                           entry->score, lane->name, lane->scale_min, lane->scale_max);
              continue;
            }
          key = g_strdup_printf ("%p/%p", (void *) lane, (void *) entry->phase);
          if (g_hash_table_contains (points, key))
            {
              ImportEntry *first = g_hash_table_lookup (points, key);
              add_problem (import, entry->row, FALSE,
                           _("“%s” already has a point for phase “%s” (row %u)"),
                           lane->name, entry->phase->name, first->row);
              continue;
            }
          g_hash_table_insert (points, g_steal_pointer (&key), entry);
        }
      else if (entry->has_score || entry->label[0] != '\0')
        {
          add_problem (import, entry->row, FALSE,
                       _("“%s” is a %s lane; a score or label belongs in an emotions lane"),
                       lane->name, waymark_lane_kind_to_string (lane->kind));
        }
    }

  for (guint i = 0; i < persona->lanes->len; i++)
    {
      ImportLane *lane = g_ptr_array_index (persona->lanes, i);

      if (lane->scale_given && !waymark_lane_kind_holds_emotions (lane->kind))
        add_problem (import, lane->scale_row, FALSE,
                     _("“%s” is a %s lane; only emotions lanes have a scale"),
                     lane->name, waymark_lane_kind_to_string (lane->kind));
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
  add_limit_problem (import, g_array_index (rows, guint, WAYMARK_LIMIT_CARDS),
                     _("the table has more than %d cards, the most Waymark holds"),
                     WAYMARK_LIMIT_CARDS);
}

/* Tags get distinct colours from the Okabe–Ito set, which stay apart for
 * colour-blind readers; a CSV carries only tag names. */
static const char * const tag_colors[] = {
  "#8e6bb0", "#b8874a", "#3f8f8f", "#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
};

static WaymarkDocument *
build_document (Import *import)
{
  g_autoptr (WaymarkDocument) document = waymark_document_new ();
  g_autoptr (GHashTable) tag_ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < import->tag_names->len; i++)
    {
      const char *name = g_ptr_array_index (import->tag_names, i);
      g_autofree char *id = waymark_document_new_id (document, "tag");
      const char *final_id;

      final_id = waymark_document_insert_tag (document,
                                              waymark_tag_new (id, name,
                                                               tag_colors[i % G_N_ELEMENTS (tag_colors)]),
                                              -1);
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
              g_ptr_array_add (persona->cards, card);
            }
        }

      if (waymark_document_insert_persona (document, persona, -1) == NULL)
        return NULL;
    }

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
  add_limit_problem (import, 0, _("the map would be a %.1f MiB file, more than the %d MiB "
                                  "Waymark opens; import its personas from smaller tables"),
                     size / (1024.0 * 1024.0), WAYMARK_FORMAT_MAX_FILE_SIZE / (1024 * 1024));
}

static char *
title_from_display_name (const char *display_name)
{
  g_autofree char *base = g_path_get_basename (display_name);
  gsize len = strlen (base);

  if (len > 4 && g_ascii_strcasecmp (base + len - 4, ".csv") == 0)
    base[len - 4] = '\0';
  return g_steal_pointer (&base);
}

WaymarkDocument *
waymark_csv_import_bytes (GBytes      *bytes,
                          const char  *display_name,
                          GPtrArray  **problems)
{
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) all_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  g_autoptr (GPtrArray) personas =
    g_ptr_array_new_with_free_func ((GDestroyNotify) import_persona_free);
  g_autoptr (GHashTable) persona_by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) tag_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) tag_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) header = NULL;
  g_autoptr (WaymarkDocument) document = NULL;
  Import import = { 0, };
  Reader reader = { 0, };
  gsize len;
  gboolean header_ok = FALSE;

  g_return_val_if_fail (bytes != NULL, NULL);

  if (display_name == NULL)
    display_name = "CSV";
  import.file = display_name;
  import.problems = all_problems;
  import.personas = personas;
  import.persona_by_name = persona_by_name;
  import.tag_names = tag_names;
  import.tag_set = tag_set;

  reader.data = g_bytes_get_data (bytes, &len);
  reader.len = len;

  if (len > WAYMARK_CSV_MAX_FILE_SIZE)
    {
      WaymarkProblem *problem;

      add_problem (&import, 0, FALSE, _("the file is larger than %d MiB"),
                   WAYMARK_CSV_MAX_FILE_SIZE / (1024 * 1024));
      problem = g_ptr_array_index (all_problems, all_problems->len - 1);
      problem->code = WAYMARK_CSV_ERROR_TOO_LARGE;
    }
  else
    {
      if (len >= 3 && memcmp (reader.data, "\xEF\xBB\xBF", 3) == 0)
        reader.pos = 3;
      reader.delimiter = guess_delimiter (reader.data + reader.pos, reader.len - reader.pos);

      for (;;)
        {
          g_autofree char *message = NULL;
          ReadResult result = read_record (&reader, fields, &message);

          if (result == READ_EOF || import.stopped)
            break;
          if (result != READ_OK)
            {
              add_problem (&import, reader.row, FALSE, "%s", message);
              if (result == READ_FATAL)
                break;
              if (reader.row == 1)
                break;
              continue;
            }
          if (reader.row > WAYMARK_CSV_MAX_ROWS)
            {
              add_problem (&import, reader.row, FALSE, _("the file has more than %d rows"),
                           WAYMARK_CSV_MAX_ROWS);
              break;
            }
          if (reader.row == 1)
            {
              header = g_ptr_array_new_with_free_func (g_free);
              for (guint i = 0; i < fields->len; i++)
                g_ptr_array_add (header, g_strdup (g_ptr_array_index (fields, i)));
              reader.header = header;
              header_ok = read_header (&import, fields);
              if (!header_ok)
                break;
              continue;
            }
          read_row (&import, reader.row, fields);
        }

      if (reader.row == 0)
        add_problem (&import, 0, FALSE, _("the file is empty"));
      else if (header_ok && import.n_errors == 0 && personas->len == 0)
        add_problem (&import, 0, FALSE, _("the file has a header but no rows"));
    }

  if (import.n_errors == 0)
    for (guint i = 0; i < personas->len; i++)
      check_persona (&import, g_ptr_array_index (personas, i));
  if (import.n_errors == 0)
    check_card_count (&import);

  if (import.n_errors == 0)
    {
      g_autofree char *title = title_from_display_name (display_name);

      document = build_document (&import);
      if (document == NULL)
        add_limit_problem (&import, 0, _("the table makes a map larger than Waymark holds"));
      else
        {
          waymark_document_set_text (document, NULL, WAYMARK_FIELD_TITLE, title);
          waymark_history_clear (waymark_document_get_history (document));
          check_file_size (&import, document);
          if (import.n_errors > 0)
            g_clear_object (&document);
        }
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&all_problems);
  return g_steal_pointer (&document);
}

static GBytes *
read_capped (GFile       *file,
             const char  *display_name,
             GPtrArray   *problems)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInputStream) stream = NULL;
  g_autoptr (GByteArray) data = g_byte_array_new ();
  guint8 buffer[64 * 1024];

  stream = g_file_read (file, NULL, &error);
  if (stream == NULL)
    goto fail;

  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, sizeof buffer, NULL, &error);

      if (n < 0)
        goto fail;
      if (n == 0)
        break;
      /* Read one byte past the cap at most, so a huge or endless file
       * (a device, a FIFO) cannot fill memory. */
      if (data->len + (gsize) n > WAYMARK_CSV_MAX_FILE_SIZE)
        {
          char *message = g_strdup_printf (_("the file is larger than %d MiB"),
                                           WAYMARK_CSV_MAX_FILE_SIZE / (1024 * 1024));

          g_ptr_array_add (problems, waymark_problem_new (display_name, 0, 0,
                                                          WAYMARK_PROBLEM_ERROR, WAYMARK_CSV_ERROR,
                                                          WAYMARK_CSV_ERROR_TOO_LARGE, message));
          return NULL;
        }
      g_byte_array_append (data, buffer, (guint) n);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&data));

fail:
  g_ptr_array_add (problems, waymark_problem_new (display_name, 0, 0, WAYMARK_PROBLEM_ERROR,
                                                  WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_IO,
                                                  g_strdup (error->message)));
  return NULL;
}

WaymarkDocument *
waymark_csv_import_file (GFile       *file,
                         const char  *display_name,
                         GPtrArray  **problems)
{
  g_autofree char *parse_name = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GPtrArray) read_problems =
    g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);

  bytes = read_capped (file, display_name, read_problems);
  if (bytes == NULL)
    {
      if (problems != NULL)
        *problems = g_steal_pointer (&read_problems);
      return NULL;
    }
  return waymark_csv_import_bytes (bytes, display_name, problems);
}

WaymarkDocument *
waymark_csv_import_file_simple (GFile   *file,
                                GError **error)
{
  g_autoptr (GPtrArray) problems = NULL;
  g_autoptr (WaymarkDocument) document = NULL;

  document = waymark_csv_import_file (file, NULL, &problems);
  if (document != NULL)
    return g_steal_pointer (&document);

  if (!waymark_problems_set_error (problems, TRUE, error))
    g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID, "");
  return NULL;
}
