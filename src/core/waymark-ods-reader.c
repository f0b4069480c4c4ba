/* waymark-ods-reader.c: the cells of a sheet of an ods (OpenDocument) file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-sheet-private.h"

/* Read by hand from content.xml, as the xlsx reader is and for the same
 * reason: no library on Debian 12 reads ods, and a sheet's rows and cells
 * are a small part of OpenDocument 1.3 (part 3, §9.1). What is bounded
 * here is repetition: Calc writes the empty rest of every sheet as one
 * row repeated a million times and rows as cells repeated a thousand
 * times, so repeated empty cells and rows only move the position, and
 * repeated cells and rows with text are added one by one against the
 * column, row and text limits, so a hostile repeat count stops at the
 * first limit it passes rather than allocating anything. */

#define ODS_MIMETYPE "application/vnd.oasis.opendocument.spreadsheet"

typedef struct {
  WaymarkSheetBuilder *builder;
  guint64              line;      /* the last row read */
} Ods;

static guint64
repeat_count (xmlNodePtr  node,
              const char *attribute)
{
  g_autofree char *value = waymark_sheet_get_attribute (node, attribute);
  guint64 count;
  char *end;

  if (value == NULL)
    return 1;
  count = g_ascii_strtoull (value, &end, 10);
  if (end == value || *end != '\0' || count == 0)
    return 1;
  /* More than any sheet has; keeps the arithmetic on positions small. */
  return MIN (count, (guint64) G_MAXUINT32);
}

/* Appends the text of a paragraph: spans and links hold text, <text:s>
 * is spaces, <text:tab> and <text:line-break> what they say; notes and
 * annotations are not what the cell shows. FALSE when it grows past
 * @limit bytes. */
static gboolean
append_paragraph (GString    *out,
                  xmlNodePtr  node,
                  gsize       limit)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE)
        g_string_append (out, (const char *) child->content);
      else if (waymark_sheet_is_element (child, "s"))
        {
          guint64 n = repeat_count (child, "c");

          if (out->len + n > limit)
            return FALSE;
          for (guint64 i = 0; i < n; i++)
            g_string_append_c (out, ' ');
        }
      else if (waymark_sheet_is_element (child, "tab"))
        g_string_append_c (out, '\t');
      else if (waymark_sheet_is_element (child, "line-break"))
        g_string_append_c (out, '\n');
      else if (waymark_sheet_is_element (child, "note") ||
               waymark_sheet_is_element (child, "annotation") ||
               waymark_sheet_is_element (child, "ruby-text"))
        continue;
      else if (child->type == XML_ELEMENT_NODE && !append_paragraph (out, child, limit))
        return FALSE;
      if (out->len > limit)
        return FALSE;
    }
  return TRUE;
}

/* The text the cell shows: its paragraphs, one a line. A cell with a
 * value but no paragraph (written by a program, not Calc) shows its
 * value. NULL when it is longer than a cell Waymark reads. */
static char *
cell_text (xmlNodePtr cell)
{
  g_autoptr (GString) out = g_string_new (NULL);
  gboolean any = FALSE;

  for (xmlNodePtr child = cell->children; child != NULL; child = child->next)
    {
      if (!waymark_sheet_is_element (child, "p") && !waymark_sheet_is_element (child, "h"))
        continue;
      if (any)
        g_string_append_c (out, '\n');
      any = TRUE;
      if (!append_paragraph (out, child, WAYMARK_CSV_MAX_FIELD_LENGTH))
        return NULL;
    }
  if (!any)
    {
      static const char * const values[] = {
        "string-value", "value", "date-value", "time-value", "boolean-value",
      };

      for (gsize i = 0; i < G_N_ELEMENTS (values); i++)
        {
          char *value = waymark_sheet_get_attribute (cell, values[i]);

          if (value != NULL)
            {
              g_string_assign (out, value);
              xmlFree (value);
              break;
            }
        }
    }
  if (out->len > WAYMARK_CSV_MAX_FIELD_LENGTH)
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
read_row (Ods         *ods,
          xmlNodePtr   row,
          GError     **error)
{
  WaymarkSheetBuilder *builder = ods->builder;
  guint64 rows = repeat_count (row, "number-rows-repeated");
  guint64 column = 0;

  waymark_sheet_builder_start_row (builder, ods->line + 1);
  for (xmlNodePtr cell = row->children; cell != NULL; cell = cell->next)
    {
      gboolean covered = waymark_sheet_is_element (cell, "covered-table-cell");
      guint64 n;
      g_autofree char *text = NULL;

      if (!covered && !waymark_sheet_is_element (cell, "table-cell"))
        continue;
      n = repeat_count (cell, "number-columns-repeated");
      /* The hidden cells of a merged range show nothing, whatever they
       * kept. */
      text = covered ? g_strdup ("") : cell_text (cell);
      if (text == NULL)
        {
          waymark_sheet_builder_bad_cell (builder, column,
                                          g_strdup_printf (_("the cell is longer than %d KiB, "
                                                             "the most Waymark holds in one "
                                                             "text"),
                                                           WAYMARK_LIMIT_TEXT_LENGTH / 1024));
          break;
        }
      if (text[0] == '\0')
        {
          column += n;
          continue;
        }
      /* Each copy is checked; past the last column the row is a bad one
       * and the loop ends, so a huge count costs nothing. */
      for (guint64 i = 0; i < n && builder->problem == NULL; i++)
        if (!waymark_sheet_builder_set_cell (builder, column + i, text, error))
          return FALSE;
      if (builder->problem != NULL)
        break;
      column += n;
    }

  if (!waymark_sheet_builder_end_row (builder, rows, error))
    return FALSE;
  ods->line += rows;
  return TRUE;
}

/* Rows stand in the table, or in header rows, row groups and the like,
 * nested: the parser's depth limit bounds the recursion. */
static gboolean
read_rows (Ods         *ods,
           xmlNodePtr   parent,
           GError     **error)
{
  for (xmlNodePtr node = parent->children; node != NULL; node = node->next)
    {
      if (waymark_sheet_is_element (node, "table-row"))
        {
          if (!read_row (ods, node, error))
            return FALSE;
        }
      else if (waymark_sheet_is_element (node, "table-header-rows") ||
               waymark_sheet_is_element (node, "table-rows") ||
               waymark_sheet_is_element (node, "table-row-group"))
        {
          if (!read_rows (ods, node, error))
            return FALSE;
        }
      /* Past Calc's last row nothing more is read: Calc writes the empty
       * rest of a sheet as a row repeated up to there. */
      if (ods->line >= WAYMARK_SHEET_LAST_ROW)
        break;
    }
  return TRUE;
}

static gboolean
read_ods (WaymarkSheetZip  *zip,
          const char       *sheet,
          WaymarkTable     *table,
          GError          **error)
{
  g_autoptr (GBytes) mimetype = waymark_sheet_zip_read_part (zip, "mimetype", NULL);
  xmlDocPtr doc;
  xmlNodePtr spreadsheet, found = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *name = NULL;
  gboolean ok = FALSE;

  if (mimetype == NULL || g_bytes_get_size (mimetype) < strlen (ODS_MIMETYPE) ||
      memcmp (g_bytes_get_data (mimetype, NULL), ODS_MIMETYPE, strlen (ODS_MIMETYPE)) != 0)
    {
      g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("the file is a zip archive but not an OpenDocument spreadsheet"));
      return FALSE;
    }

  doc = waymark_sheet_zip_parse_part (zip, "content.xml", error);
  if (doc == NULL)
    return FALSE;
  spreadsheet = waymark_sheet_find_child (waymark_sheet_find_child (xmlDocGetRootElement (doc),
                                                                    "body"),
                                          "spreadsheet");
  for (xmlNodePtr node = spreadsheet != NULL ? spreadsheet->children : NULL; node != NULL;
       node = node->next)
    {
      g_autofree char *node_name = NULL;

      if (!waymark_sheet_is_element (node, "table"))
        continue;
      node_name = waymark_sheet_get_attribute (node, "name");
      g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "",
                              node_name != NULL ? node_name : "");
      if (found == NULL && (sheet == NULL || g_strcmp0 (node_name, sheet) == 0))
        {
          found = node;
          name = g_strdup (node_name != NULL ? node_name : "");
        }
    }

  if (found == NULL && sheet != NULL)
    g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                 _("the workbook has no sheet “%s” (it has %s)"), sheet, names->str);
  else if (found == NULL)
    g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                         _("the workbook has no sheets"));
  else
    {
      WaymarkSheetBuilder builder;
      Ods ods = { &builder, 0 };

      waymark_sheet_builder_init (&builder, table, name);
      ok = read_rows (&ods, found, error);
      waymark_sheet_builder_clear (&builder);
    }
  xmlFreeDoc (doc);
  return ok;
}

WaymarkTable *
waymark_ods_read_table (GBytes      *bytes,
                        const char  *display_name,
                        const char  *sheet,
                        GError     **error)
{
  g_autoptr (WaymarkTable) table = waymark_table_new (display_name);
  g_autoptr (WaymarkSheetZip) zip = waymark_sheet_zip_open (bytes, error);

  if (zip == NULL || !read_ods (zip, sheet, table, error))
    return NULL;
  return g_steal_pointer (&table);
}
