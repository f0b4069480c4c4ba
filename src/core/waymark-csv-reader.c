/* waymark-csv-reader.c: the rows and cells of a CSV file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "waymark-csv-private.h"

/* The parser is written by hand: GLib has no CSV reader, and the CSV
 * libraries Debian ships (libcsv) are not in the GNOME stack we build on.
 * RFC 4180 is small enough that a state machine over the bytes is shorter
 * than the glue to a library would be, and it lets us enforce our own
 * limits and report problems by spreadsheet row. */

typedef struct {
  const char *data;
  gsize       len;
  gsize       pos;
  char        delimiter;
  guint       row;          /* of the record just read */
  WaymarkTable *table;      /* what is read; its first row names the cells in messages */
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

/* Reads the next character of a quoted cell into *@c, a doubled quote as
 * one; FALSE at the closing quote or the end of the data. */
static gboolean
next_quoted_char (Reader *reader,
                  char   *c)
{
  if (reader->pos >= reader->len)
    return FALSE;
  *c = reader->data[reader->pos++];
  if (*c != '"')
    return TRUE;
  if (reader->pos < reader->len && reader->data[reader->pos] == '"')
    {
      reader->pos++;
      return TRUE;
    }
  return FALSE;
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
  WaymarkTable *table = reader->table;
  const char *name = NULL;

  if (waymark_table_get_n_rows (table) > 0 && waymark_table_get_problem (table, 0) == NULL &&
      cell < waymark_table_get_n_cells (table, 0))
    name = waymark_table_get_cell (table, 0, cell);
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
              if (!next_quoted_char (reader, &c))
                break;
              if (field->len >= WAYMARK_CSV_MAX_FIELD_LENGTH)
                {
                  *message = cell_too_long_message ();
                  /* Find the closing quote so that the next record starts right. */
                  reader->pos--;
                  while (next_quoted_char (reader, &c))
                    ;
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

WaymarkTable *
waymark_csv_read_table (GBytes     *bytes,
                        const char *display_name)
{
  g_autoptr (WaymarkTable) table = waymark_table_new (display_name);
  g_autoptr (GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  Reader reader = { 0, };
  gsize len;

  reader.data = g_bytes_get_data (bytes, &len);
  g_return_val_if_fail (len <= WAYMARK_CSV_MAX_FILE_SIZE, NULL);
  reader.len = len;
  reader.table = table;

  if (len >= 3 && memcmp (reader.data, "\xEF\xBB\xBF", 3) == 0)
    reader.pos = 3;
  reader.delimiter = guess_delimiter (reader.data + reader.pos, reader.len - reader.pos);

  for (;;)
    {
      char *message = NULL;
      ReadResult result = read_record (&reader, fields, &message);

      if (result == READ_EOF)
        break;
      if (result != READ_OK)
        {
          waymark_table_add_bad_row (table, reader.row, message);
          /* Past an unclosed quote there are no more records; without
           * its first row a table has no header to read the rest by. */
          if (result == READ_FATAL || reader.row == 1)
            break;
          continue;
        }
      if (reader.row > WAYMARK_CSV_MAX_ROWS)
        {
          waymark_table_add_bad_row (table, reader.row,
                                     g_strdup_printf (_("the file has more than %d rows"),
                                                      WAYMARK_CSV_MAX_ROWS));
          break;
        }
      waymark_table_add_row (table, reader.row, (const char * const *) fields->pdata, fields->len);
    }

  return g_steal_pointer (&table);
}
