/* waymark-xlsx-reader.c: the cells of a sheet of an xlsx (Office Open XML) file
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-sheet-private.h"

/* An xlsx file is read by hand from its XML, with no spreadsheet library:
 * the libraries Debian 12 ships (libxlsxwriter writes only; freexl reads
 * only .xls) do not read xlsx, and what a coding sheet needs of
 * SpreadsheetML (ECMA-376 part 1, §18) is small: the workbook's list of
 * sheets, its relationships, the shared strings and one sheet's cells. */

#define XLSX_LAST_COLUMN 16384  /* XFD, Excel's last column */

typedef struct {
  guint64 first_row, last_row, first_column, last_column;
} Range;

typedef struct {
  WaymarkSheetZip *zip;
  GPtrArray       *shared;    /* char*: the shared strings */
  GArray          *merges;    /* Range */
} Xlsx;

/* "C7" → column 2 (0-based), row 7; FALSE for anything else. */
static gboolean
parse_reference (const char *ref,
                 guint64    *column,
                 guint64    *row)
{
  guint64 c = 0, r = 0;
  const char *p = ref;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (guint64) (g_ascii_toupper (*p) - 'A' + 1);
      if (c > XLSX_LAST_COLUMN)
        return FALSE;
    }
  if (p == ref || !g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      r = r * 10 + (guint64) (*p - '0');
      if (r > WAYMARK_SHEET_LAST_ROW)
        return FALSE;
    }
  if (*p != '\0' || r == 0)
    return FALSE;
  *column = c - 1;
  *row = r;
  return TRUE;
}

/* OOXML writes characters XML cannot carry as "_xHHHH_" (a carriage
 * return is "_x000D_"), and a literal "_x" that would read as one as
 * "_x005F_x…" (§22.4.2.4). */
static char *
decode_escapes (const char *text)
{
  GString *out;

  if (strstr (text, "_x") == NULL)
    return g_strdup (text);
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0';)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        {
          gunichar c = (gunichar) g_ascii_strtoull (p + 2, NULL, 16);

          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              p += 7;
              continue;
            }
        }
      g_string_append_c (out, *p++);
    }
  return g_string_free (out, FALSE);
}

static void
append_text_of (GString    *out,
                xmlNodePtr  node)
{
  xmlChar *content = xmlNodeGetContent (node);

  if (content != NULL)
    g_string_append (out, (const char *) content);
  xmlFree (content);
}

/* The text of a shared or inline string: its <t>, or the <t> of each
 * rich-text run; phonetic runs (<rPh>) are not what the cell shows. */
static char *
string_item_text (xmlNodePtr item)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (xmlNodePtr child = item->children; child != NULL; child = child->next)
    {
      if (waymark_sheet_is_element (child, "t"))
        append_text_of (out, child);
      else if (waymark_sheet_is_element (child, "r"))
        {
          xmlNodePtr t = waymark_sheet_find_child (child, "t");

          if (t != NULL)
            append_text_of (out, t);
        }
    }
  return decode_escapes (out->str);
}

/* "xl/" + "worksheets/sheet1.xml", "/xl/x.xml" or "../x.xml", as a
 * member path; NULL when it leaves the archive. */
static char *
resolve_target (const char *base,
                const char *target)
{
  g_autofree char *joined = target[0] == '/' ? g_strdup (target + 1)
                                             : g_strconcat (base, target, NULL);
  g_auto (GStrv) parts = g_strsplit (joined, "/", -1);
  g_autoptr (GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len == 0)
            return NULL;
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

/* The workbook's relationships: id → member path; *@shared_strings the
 * shared strings' part, when there is one. */
static GHashTable *
read_relationships (Xlsx     *xlsx,
                    char    **shared_strings,
                    GError  **error)
{
  g_autoptr (GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  xmlDocPtr doc = waymark_sheet_zip_parse_part (xlsx->zip, "xl/_rels/workbook.xml.rels", error);

  if (doc == NULL)
    return NULL;
  for (xmlNodePtr rel = xmlDocGetRootElement (doc)->children; rel != NULL; rel = rel->next)
    {
      g_autofree char *id = NULL;
      g_autofree char *target = NULL;
      g_autofree char *type = NULL;
      g_autofree char *mode = NULL;
      char *path;

      if (!waymark_sheet_is_element (rel, "Relationship"))
        continue;
      id = waymark_sheet_get_attribute (rel, "Id");
      target = waymark_sheet_get_attribute (rel, "Target");
      type = waymark_sheet_get_attribute (rel, "Type");
      mode = waymark_sheet_get_attribute (rel, "TargetMode");
      /* An external target (a URL) is never followed. */
      if (id == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
        continue;
      path = resolve_target ("xl/", target);
      if (path == NULL)
        continue;
      if (type != NULL && g_str_has_suffix (type, "/sharedStrings") && *shared_strings == NULL)
        *shared_strings = g_strdup (path);
      g_hash_table_replace (targets, g_strdup (id), path);
    }
  xmlFreeDoc (doc);
  return g_steal_pointer (&targets);
}

static gboolean
read_shared_strings (Xlsx        *xlsx,
                     const char  *path,
                     GError     **error)
{
  xmlDocPtr doc = waymark_sheet_zip_parse_part (xlsx->zip, path, error);

  if (doc == NULL)
    return FALSE;
  for (xmlNodePtr si = xmlDocGetRootElement (doc)->children; si != NULL; si = si->next)
    if (waymark_sheet_is_element (si, "si"))
      g_ptr_array_add (xlsx->shared, string_item_text (si));
  xmlFreeDoc (doc);
  return TRUE;
}

/* The sheet's member path: the one named @sheet or the first visible one;
 * *@name receives its name. */
static char *
find_sheet (Xlsx        *xlsx,
            GHashTable  *targets,
            const char  *sheet,
            char       **name,
            GError     **error)
{
  xmlDocPtr doc = waymark_sheet_zip_parse_part (xlsx->zip, "xl/workbook.xml", error);
  xmlNodePtr sheets;
  xmlNodePtr found = NULL, first = NULL;
  g_autoptr (GString) names = g_string_new (NULL);
  char *path = NULL;

  if (doc == NULL)
    return NULL;
  sheets = waymark_sheet_find_child (xmlDocGetRootElement (doc), "sheets");
  for (xmlNodePtr node = sheets != NULL ? sheets->children : NULL; node != NULL;
       node = node->next)
    {
      g_autofree char *node_name = NULL;
      g_autofree char *state = NULL;

      if (!waymark_sheet_is_element (node, "sheet"))
        continue;
      node_name = waymark_sheet_get_attribute (node, "name");
      state = waymark_sheet_get_attribute (node, "state");
      if (node_name == NULL)
        continue;
      g_string_append_printf (names, "%s“%s”", names->len > 0 ? ", " : "", node_name);
      if (sheet != NULL && found == NULL && g_str_equal (node_name, sheet))
        found = node;
      if (first == NULL && (state == NULL || g_str_equal (state, "visible")))
        first = node;
    }

  if (sheet == NULL)
    found = first;
  if (found == NULL)
    {
      if (sheet != NULL)
        g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                     _("the workbook has no sheet “%s” (it has %s)"), sheet, names->str);
      else
        g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                             _("the workbook has no sheets"));
    }
  else
    {
      g_autofree char *id = waymark_sheet_get_attribute (found, "id");
      const char *target = id != NULL ? g_hash_table_lookup (targets, id) : NULL;

      *name = waymark_sheet_get_attribute (found, "name");
      if (target == NULL)
        g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                     _("the sheet “%s” is not in the file"), *name);
      else
        path = g_strdup (target);
    }
  xmlFreeDoc (doc);
  return path;
}

static gboolean
read_merges (Xlsx        *xlsx,
             xmlNodePtr   worksheet,
             const char  *sheet,
             GError     **error)
{
  xmlNodePtr merge_cells = waymark_sheet_find_child (worksheet, "mergeCells");

  for (xmlNodePtr node = merge_cells != NULL ? merge_cells->children : NULL; node != NULL;
       node = node->next)
    {
      g_autofree char *ref = NULL;
      g_auto (GStrv) ends = NULL;
      Range range;

      if (!waymark_sheet_is_element (node, "mergeCell"))
        continue;
      if (xlsx->merges->len >= WAYMARK_SHEET_MAX_MERGES)
        {
          g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                       _("%s: the sheet has more than %d merged ranges, the most Waymark reads"),
                       sheet, WAYMARK_SHEET_MAX_MERGES);
          return FALSE;
        }
      ref = waymark_sheet_get_attribute (node, "ref");
      ends = g_strsplit (ref != NULL ? ref : "", ":", 2);
      if (ends[0] == NULL || ends[1] == NULL ||
          !parse_reference (ends[0], &range.first_column, &range.first_row) ||
          !parse_reference (ends[1], &range.last_column, &range.last_row))
        continue;
      g_array_append_val (xlsx->merges, range);
    }
  return TRUE;
}

/* Whether the cell is in a merged range and not its first cell: what
 * the sheet shows there is empty. */
static gboolean
is_covered (GArray  *active,
            guint64  column,
            guint64  row)
{
  for (guint i = 0; i < active->len; i++)
    {
      const Range *range = &g_array_index (active, Range, i);

      if (column >= range->first_column && column <= range->last_column &&
          (column != range->first_column || row != range->first_row))
        return TRUE;
    }
  return FALSE;
}

/* The text a cell shows, or NULL with *@message saying why it has none. */
static char *
cell_text (Xlsx        *xlsx,
           xmlNodePtr   cell,
           char       **message)
{
  g_autofree char *type = waymark_sheet_get_attribute (cell, "t");
  xmlNodePtr v = waymark_sheet_find_child (cell, "v");
  g_autofree char *value = v != NULL ? (char *) xmlNodeGetContent (v) : NULL;

  if (g_strcmp0 (type, "inlineStr") == 0)
    {
      xmlNodePtr is = waymark_sheet_find_child (cell, "is");

      return is != NULL ? string_item_text (is) : g_strdup ("");
    }
  if (value == NULL)
    return g_strdup ("");
  if (g_strcmp0 (type, "s") == 0)
    {
      char *end;
      guint64 index = g_ascii_strtoull (value, &end, 10);

      if (end == value || *end != '\0' || index >= xlsx->shared->len)
        {
          *message = g_strdup_printf (_("the cell refers to shared string “%s”, which the file "
                                        "does not have"), value);
          return NULL;
        }
      return g_strdup (g_ptr_array_index (xlsx->shared, (guint) index));
    }
  if (g_strcmp0 (type, "b") == 0)
    return g_strdup (g_str_equal (value, "1") ? "TRUE" : "FALSE");
  if (type == NULL || g_str_equal (type, "n"))
    {
      char *end;
      double number;

      if (value[0] == '\0')
        return g_strdup ("");
      number = g_ascii_strtod (value, &end);
      if (*end != '\0' || !isfinite (number))
        {
          *message = g_strdup_printf (_("the cell says it is a number but holds “%s”"), value);
          return NULL;
        }
      return waymark_sheet_format_number (number);
    }
  /* "str" (a formula's text), "e" (an error, #N/A) and "d" (an ISO
   * date): shown as stored. */
  return decode_escapes (value);
}

static gboolean
read_sheet (Xlsx                *xlsx,
            xmlNodePtr           worksheet,
            WaymarkSheetBuilder *builder,
            GError             **error)
{
  xmlNodePtr sheet_data = waymark_sheet_find_child (worksheet, "sheetData");
  g_autoptr (GArray) active = g_array_new (FALSE, FALSE, sizeof (Range));
  guint64 line = 0;

  for (xmlNodePtr row = sheet_data != NULL ? sheet_data->children : NULL; row != NULL;
       row = row->next)
    {
      g_autofree char *r = NULL;
      guint64 next_column = 0;

      if (!waymark_sheet_is_element (row, "row"))
        continue;
      r = waymark_sheet_get_attribute (row, "r");
      if (r != NULL)
        {
          char *end;
          guint64 number = g_ascii_strtoull (r, &end, 10);

          if (end == r || *end != '\0' || number == 0 || number > WAYMARK_SHEET_LAST_ROW)
            {
              g_autofree char *cell = waymark_sheet_cell_name (builder->sheet, 0, line + 1);

              g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("%s: the row after this one has the number “%s”"), cell, r);
              return FALSE;
            }
          line = number;
        }
      else
        line++;
      if (line > WAYMARK_SHEET_LAST_ROW)
        break;

      g_array_set_size (active, 0);
      for (guint i = 0; i < xlsx->merges->len; i++)
        {
          const Range *range = &g_array_index (xlsx->merges, Range, i);

          if (line >= range->first_row && line <= range->last_row)
            g_array_append_val (active, *range);
        }

      waymark_sheet_builder_start_row (builder, line);
      for (xmlNodePtr c = row->children; c != NULL; c = c->next)
        {
          g_autofree char *ref = NULL;
          g_autofree char *text = NULL;
          char *message = NULL;
          guint64 column = next_column, ref_row;

          if (!waymark_sheet_is_element (c, "c"))
            continue;
          ref = waymark_sheet_get_attribute (c, "r");
          if (ref != NULL && !parse_reference (ref, &column, &ref_row))
            {
              waymark_sheet_builder_bad_cell (builder, next_column,
                                              g_strdup_printf (_("a cell of the row is called "
                                                                 "“%s”, which is no cell "
                                                                 "reference"), ref));
              break;
            }
          next_column = column + 1;
          if (is_covered (active, column, line))
            continue;
          text = cell_text (xlsx, c, &message);
          if (text == NULL)
            {
              waymark_sheet_builder_bad_cell (builder, column, message);
              break;
            }
          if (!waymark_sheet_builder_set_cell (builder, column, text, error))
            return FALSE;
        }
      if (!waymark_sheet_builder_end_row (builder, 1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_xlsx (Xlsx          *xlsx,
           const char    *sheet,
           WaymarkTable  *table,
           GError       **error)
{
  g_autoptr (GHashTable) targets = NULL;
  g_autofree char *shared_strings = NULL;
  g_autofree char *sheet_path = NULL;
  g_autofree char *name = NULL;
  WaymarkSheetBuilder builder;
  xmlDocPtr doc;
  gboolean ok;

  if (!waymark_sheet_zip_has_part (xlsx->zip, "xl/workbook.xml"))
    {
      g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("the file is a zip archive but not an xlsx workbook (it has no "
                             "xl/workbook.xml)"));
      return FALSE;
    }
  targets = read_relationships (xlsx, &shared_strings, error);
  if (targets == NULL)
    return FALSE;
  sheet_path = find_sheet (xlsx, targets, sheet, &name, error);
  if (sheet_path == NULL)
    return FALSE;
  if (shared_strings != NULL && waymark_sheet_zip_has_part (xlsx->zip, shared_strings) &&
      !read_shared_strings (xlsx, shared_strings, error))
    return FALSE;

  doc = waymark_sheet_zip_parse_part (xlsx->zip, sheet_path, error);
  if (doc == NULL)
    return FALSE;
  waymark_sheet_builder_init (&builder, table, name);
  ok = read_merges (xlsx, xmlDocGetRootElement (doc), name, error) &&
       read_sheet (xlsx, xmlDocGetRootElement (doc), &builder, error);
  waymark_sheet_builder_clear (&builder);
  xmlFreeDoc (doc);
  return ok;
}

WaymarkTable *
waymark_xlsx_read_table (GBytes      *bytes,
                         const char  *display_name,
                         const char  *sheet,
                         GError     **error)
{
  g_autoptr (WaymarkTable) table = waymark_table_new (display_name);
  g_autoptr (WaymarkSheetZip) zip = waymark_sheet_zip_open (bytes, error);
  g_autoptr (GPtrArray) shared = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) merges = g_array_new (FALSE, FALSE, sizeof (Range));
  Xlsx xlsx = { zip, shared, merges };

  if (zip == NULL || !read_xlsx (&xlsx, sheet, table, error))
    return NULL;
  return g_steal_pointer (&table);
}
