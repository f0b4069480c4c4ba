/* waymark-table.c: a spreadsheet as rows of text cells
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "waymark-table.h"

/* A file within the readers' size limits may still have millions of
 * cells, most of them empty (a sheet of commas): the cells are kept
 * packed in one buffer rather than one allocation each, so that a table
 * takes about as much memory as the file it was read from. */

typedef struct {
  guint  line;
  guint  first_cell;        /* in cell_starts */
  guint  n_cells;
  char  *problem;           /* why the row could not be read, or NULL */
} Row;

struct _WaymarkTable {
  char    *display_name;
  GString *text;            /* every cell's text, each ending in a NUL */
  GArray  *cell_starts;     /* guint: where each cell starts in text */
  GArray  *rows;            /* Row */
};

static void
clear_row (Row *row)
{
  g_free (row->problem);
}

WaymarkTable *
waymark_table_new (const char *display_name)
{
  WaymarkTable *table = g_new0 (WaymarkTable, 1);

  table->display_name = g_strdup (display_name);
  table->text = g_string_new (NULL);
  table->cell_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  table->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (table->rows, (GDestroyNotify) clear_row);
  return table;
}

void
waymark_table_free (WaymarkTable *table)
{
  if (table == NULL)
    return;
  g_free (table->display_name);
  g_string_free (table->text, TRUE);
  g_array_unref (table->cell_starts);
  g_array_unref (table->rows);
  g_free (table);
}

const char *
waymark_table_get_display_name (WaymarkTable *table)
{
  return table->display_name;
}

void
waymark_table_add_row (WaymarkTable       *table,
                       guint               line,
                       const char * const *cells,
                       guint               n_cells)
{
  Row row = { line, table->cell_starts->len, n_cells, NULL };

  for (guint i = 0; i < n_cells; i++)
    {
      gsize len = strlen (cells[i]);
      guint start = (guint) table->text->len;

      /* The readers' size limits keep a table far below 4 GiB. */
      g_return_if_fail (table->text->len + len < G_MAXUINT);
      g_array_append_val (table->cell_starts, start);
      g_string_append_len (table->text, cells[i], (gssize) len + 1);
    }
  g_array_append_val (table->rows, row);
}

void
waymark_table_add_bad_row (WaymarkTable *table,
                           guint         line,
                           char         *problem)
{
  Row row = { line, table->cell_starts->len, 0, problem };

  g_array_append_val (table->rows, row);
}

guint
waymark_table_get_n_rows (WaymarkTable *table)
{
  return table->rows->len;
}

static const Row *
get_row (WaymarkTable *table,
         guint         row)
{
  g_return_val_if_fail (row < table->rows->len, NULL);
  return &g_array_index (table->rows, Row, row);
}

guint
waymark_table_get_line (WaymarkTable *table,
                        guint         row)
{
  return get_row (table, row)->line;
}

const char *
waymark_table_get_problem (WaymarkTable *table,
                           guint         row)
{
  return get_row (table, row)->problem;
}

guint
waymark_table_get_n_cells (WaymarkTable *table,
                           guint         row)
{
  return get_row (table, row)->n_cells;
}

const char *
waymark_table_get_cell (WaymarkTable *table,
                        guint         row,
                        guint         cell)
{
  const Row *r = get_row (table, row);

  if (cell >= r->n_cells)
    return "";
  return table->text->str + g_array_index (table->cell_starts, guint, r->first_cell + cell);
}
