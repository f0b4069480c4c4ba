/* waymark-xlsx-writer.c: a document as an xlsx workbook
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <gsf/gsf-outfile.h>
#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-output-memory.h>
#include <gsf/gsf-output.h>

#include "waymark-format.h"
#include "waymark-sheet-private.h"
#include "waymark-xlsx.h"
#include "waymark-xml.h"

/* The XML is written by hand and zipped with libgsf: the one xlsx writer
 * Debian 12 has, libxlsxwriter, is not in the GNOME stack and writes its
 * own files rather than bytes for our file writer, and six fixed parts
 * with one sheet of inline strings are shorter to write than to
 * configure (ECMA-376 part 1, §18; the package rules of part 2). */

#define NS_MAIN "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
#define NS_REL  "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define NS_PACKAGE_REL "http://schemas.openxmlformats.org/package/2006/relationships"
#define XML_DECLARATION "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
#define CONTENT_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml."

static const char content_types[] =
  XML_DECLARATION
  "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
  "<Default Extension=\"rels\" "
  "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
  "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
  "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" CONTENT_TYPE "sheet.main+xml\"/>"
  "<Override PartName=\"/xl/worksheets/sheet1.xml\" "
  "ContentType=\"" CONTENT_TYPE "worksheet+xml\"/>"
  "<Override PartName=\"/xl/styles.xml\" ContentType=\"" CONTENT_TYPE "styles+xml\"/>"
  "</Types>\n";

static const char package_rels[] =
  XML_DECLARATION
  "<Relationships xmlns=\"" NS_PACKAGE_REL "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_REL "/officeDocument\" Target=\"xl/workbook.xml\"/>"
  "</Relationships>\n";

static const char workbook_rels[] =
  XML_DECLARATION
  "<Relationships xmlns=\"" NS_PACKAGE_REL "\">"
  "<Relationship Id=\"rId1\" Type=\"" NS_REL "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"" NS_REL "/styles\" Target=\"styles.xml\"/>"
  "</Relationships>\n";

/* Style 1 is the header's: bold. Fills 0 and 1 are the two every
 * workbook must have. */
static const char styles[] =
  XML_DECLARATION
  "<styleSheet xmlns=\"" NS_MAIN "\">"
  "<fonts count=\"2\">"
  "<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
  "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
  "</fonts>"
  "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
  "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
  "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
  "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/>"
  "</cellStyleXfs>"
  "<cellXfs count=\"2\">"
  "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
  "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
  "</cellXfs>"
  "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
  "</styleSheet>\n";

/* The sheet's name: what a Dutch researcher would call it, else English
 * (31 characters at most, none of []:*?/\). */
static char *
workbook_xml (WaymarkDocument *document)
{
  const char *name = waymark_csv_is_dutch (document) ? "Klantreis" : "Journey";

  return g_strdup_printf (XML_DECLARATION
                          "<workbook xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">"
                          "<sheets><sheet name=\"%s\" sheetId=\"1\" r:id=\"rId1\"/></sheets>"
                          "</workbook>\n", name);
}

/* Whether @value goes in as a number: a numeric column's value that reads
 * back exactly as it is (so "007" stays text, and the round trip exact). */
static gboolean
is_number (guint       column,
           const char *value)
{
  g_autofree char *shown = NULL;
  char *end;
  double number;

  if (waymark_csv_columns[column].text || value[0] == '\0')
    return FALSE;
  number = g_ascii_strtod (value, &end);
  if (*end != '\0' || !isfinite (number))
    return FALSE;
  shown = waymark_sheet_format_number (number);
  return g_str_equal (shown, value);
}

/* Inline string text: XML-escaped, a carriage return as &#13; so the
 * parser keeps it, and a literal "_xHHHH_" escaped as "_x005F_xHHHH_" so
 * that no reader takes it for OOXML's escape of a character. */
static void
append_text (GString    *out,
             const char *text)
{
  g_autoptr (GString) escaped = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '_' && p[1] == 'x' && g_ascii_isxdigit (p[2]) && g_ascii_isxdigit (p[3]) &&
          g_ascii_isxdigit (p[4]) && g_ascii_isxdigit (p[5]) && p[6] == '_')
        g_string_append (escaped, "_x005F");
      g_string_append_c (escaped, *p);
    }
  waymark_xml_append_escaped (out, escaped->str, WAYMARK_XML_TEXT);
}

/* A column as wide as its longest first line, in characters, within
 * bounds that keep a sheet of long card texts readable. */
static guint
column_width (GPtrArray *rows,
              guint      column)
{
  glong widest = 8;

  for (guint i = 0; i < rows->len; i++)
    {
      const char *value = ((char **) g_ptr_array_index (rows, i))[column];
      const char *end = strpbrk (value, "\r\n");
      glong width = g_utf8_strlen (value, end != NULL ? end - value : -1);

      widest = MAX (widest, width + 2);
    }
  return (guint) MIN (widest, 60);
}

static char *
sheet_xml (GPtrArray *rows)
{
  GString *out = g_string_new (XML_DECLARATION);
  guint n_columns = g_strv_length (g_ptr_array_index (rows, 0));

  g_string_append (out, "<worksheet xmlns=\"" NS_MAIN "\" xmlns:r=\"" NS_REL "\">");
  /* The header stays in view as the rows scroll. */
  g_string_append (out, "<sheetViews><sheetView workbookViewId=\"0\">"
                        "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" "
                        "state=\"frozen\"/>"
                        "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
                        "</sheetView></sheetViews>");
  g_string_append (out, "<cols>");
  for (guint c = 0; c < n_columns; c++)
    g_string_append_printf (out, "<col min=\"%u\" max=\"%u\" width=\"%u\" customWidth=\"1\"/>",
                            c + 1, c + 1, column_width (rows, c));
  g_string_append (out, "</cols><sheetData>");

  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      g_string_append_printf (out, "<row r=\"%u\">", r + 1);
      for (guint c = 0; row[c] != NULL; c++)
        {
          g_autofree char *ref = waymark_sheet_cell_name (NULL, c, r + 1);
          const char *value = row[c];

          if (value[0] == '\0')
            continue;
          if (r > 0 && is_number (c, value))
            {
              g_string_append_printf (out, "<c r=\"%s\"><v>%s</v></c>", ref, value);
              continue;
            }
          g_string_append_printf (out,
                                  "<c r=\"%s\"%s t=\"inlineStr\"><is><t xml:space=\"preserve\">",
                                  ref, r == 0 ? " s=\"1\"" : "");
          /* The CSV's formula guard, so that the importer, which takes it
           * away from any table, gives back the text as it was; in an
           * xlsx file text is never run as a formula anyway. */
          if (r > 0 && waymark_csv_columns[c].text && waymark_csv_needs_formula_guard (value))
            g_string_append_c (out, '\'');
          append_text (out, value);
          g_string_append (out, "</t></is></c>");
        }
      g_string_append (out, "</row>");
    }
  g_string_append (out, "</sheetData></worksheet>\n");
  return g_string_free (out, FALSE);
}

/* Adds @text as the member @name of @dir, deflated and dated 1980-01-01
 * (the earliest a zip can say), so an export depends on the document
 * only. */
static void
add_member (GsfOutfile *dir,
            const char *name,
            const char *text)
{
  g_autoptr (GDateTime) epoch = g_date_time_new_utc (1980, 1, 1, 0, 0, 0);
  GsfOutput *member = gsf_outfile_new_child_full (dir, name, FALSE,
                                                  "compression-level", GSF_ZIP_DEFLATED,
                                                  "modtime", epoch, NULL);

  gsf_output_write (member, strlen (text), (const guint8 *) text);
  gsf_output_close (member);
  g_object_unref (member);
}

static GsfOutfile *
add_dir (GsfOutfile *parent,
         const char *name)
{
  g_autoptr (GDateTime) epoch = g_date_time_new_utc (1980, 1, 1, 0, 0, 0);

  return GSF_OUTFILE (gsf_outfile_new_child_full (parent, name, TRUE, "modtime", epoch, NULL));
}

static void
close_dir (GsfOutfile *dir)
{
  gsf_output_close (GSF_OUTPUT (dir));
  g_object_unref (dir);
}

GBytes *
waymark_xlsx_export_to_bytes (WaymarkDocument *document)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *workbook = NULL;
  g_autofree char *sheet = NULL;
  GsfOutput *sink;
  GsfOutfile *zip, *rels, *xl, *xl_rels, *worksheets;
  gsize size;
  GBytes *bytes;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), NULL);

  rows = waymark_csv_export_rows (document);
  workbook = workbook_xml (document);
  sheet = sheet_xml (rows);

  /* Into memory, which cannot fail short of running out of it; the file
   * writer then writes the bytes as it writes every file. */
  sink = gsf_output_memory_new ();
  zip = gsf_outfile_zip_new (sink, NULL);
  g_assert (zip != NULL);
  add_member (zip, "[Content_Types].xml", content_types);
  rels = add_dir (zip, "_rels");
  add_member (rels, ".rels", package_rels);
  close_dir (rels);
  xl = add_dir (zip, "xl");
  add_member (xl, "workbook.xml", workbook);
  xl_rels = add_dir (xl, "_rels");
  add_member (xl_rels, "workbook.xml.rels", workbook_rels);
  close_dir (xl_rels);
  add_member (xl, "styles.xml", styles);
  worksheets = add_dir (xl, "worksheets");
  add_member (worksheets, "sheet1.xml", sheet);
  close_dir (worksheets);
  close_dir (xl);
  close_dir (zip);

  /* A copy: gsf_output_memory_steal_bytes() is in the header but not
   * exported by Debian 12's libgsf. */
  size = (gsize) gsf_output_size (sink);
  bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), size);
  g_object_unref (sink);
  return bytes;
}

gboolean
waymark_xlsx_export_to_file (WaymarkDocument  *document,
                             GFile            *file,
                             GError          **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (WAYMARK_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = waymark_xlsx_export_to_bytes (document);
  return waymark_format_write_bytes (bytes, file, NULL, error);
}
