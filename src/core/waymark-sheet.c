/* waymark-sheet.c: the zip archive and the table builder of the xlsx and ods readers
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-infile-impl.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-input-memory.h>
#include <gsf/gsf-input.h>

#include "waymark-format-fragment.h"
#include "waymark-sheet-private.h"

/* The archive is read with libgsf, GNOME's structured-file library (as
 * Gnumeric reads xlsx and ods); its XML parts go through the document
 * loader's hardened parser, never a parser set up here. What libgsf does
 * not bound or check is done here: how many members it lists, that each
 * is sound enough for libgsf to fail cleanly (check_directory()), and how
 * much any member unpacks to, which is checked against the size the
 * archive declares before any of it is inflated, and only that much is
 * ever inflated. */

struct _WaymarkSheetZip {
  GBytes    *bytes;
  GsfInfile *infile;
  gsize      unpacked;     /* bytes of the parts read so far */
};

gboolean
waymark_sheet_is_zip (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return size >= 4 && memcmp (data, "PK\003\004", 4) == 0;
}

static guint
get_u16 (const guchar *p)
{
  return p[0] | (p[1] << 8);
}

static guint32
get_u32 (const guchar *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

/* Whether a member's DOS date and time is one libgsf can make a date of
 * (0 is none); it asserts on any other. */
static gboolean
is_valid_dos_time (guint32 dostime)
{
  guint day = (dostime >> 16) & 31, month = (dostime >> 21) & 15, year = 1980 + (dostime >> 25);
  guint seconds = (dostime & 31) * 2, minutes = (dostime >> 5) & 63, hours = (dostime >> 11) & 31;

  if (dostime == 0)
    return TRUE;
  return month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year) && hours < 24 &&
         minutes < 60 && seconds < 60;
}

/* Checks the archive's directory by hand before libgsf sees it, for what
 * libgsf does not: it builds an entry for as many members as the
 * directory claims (ZIP64 records included), prints to stderr and
 * asserts on a damaged member (a wrong local header, an impossible
 * date) rather than returning an error. The end-of-central-directory
 * record is 22 bytes plus a comment of at most 65,535 at the end of the
 * file; each directory entry is 46 bytes plus its name, extra field and
 * comment (APPNOTE.TXT 4.3.12, 4.3.16). */
static gboolean
check_directory (const guchar  *data,
                 gsize          size,
                 GError       **error)
{
  gsize lowest, end = 0, at;
  guint n_members;
  gsize position;
  gboolean found = FALSE;

  if (size < 22)
    goto damaged;
  lowest = size > 22 + 65535 ? size - 22 - 65535 : 0;
  for (at = size - 22 + 1; at-- > lowest;)
    if (memcmp (data + at, "PK\005\006", 4) == 0)
      {
        found = TRUE;
        end = at;
        break;
      }
  if (!found)
    goto damaged;

  /* The members on this disk and in all: one disk, so the same, and
   * libgsf reads the first. */
  n_members = get_u16 (data + end + 10);
  if (get_u16 (data + end + 8) != n_members)
    goto damaged;
  position = get_u32 (data + end + 16);
  /* ZIP64, which a file of at most 32 MiB never needs, would let the
   * directory claim billions of members. */
  if ((end >= 20 && memcmp (data + end - 20, "PK\006\007", 4) == 0) || n_members == 0xFFFF ||
      position == 0xFFFFFFFF)
    {
      g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("the archive is a ZIP64 archive, which Waymark does not read"));
      return FALSE;
    }
  if (n_members > WAYMARK_SHEET_MAX_MEMBERS)
    {
      g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                   _("the archive has more than %d members, the most Waymark reads"),
                   WAYMARK_SHEET_MAX_MEMBERS);
      return FALSE;
    }

  for (guint i = 0; i < n_members; i++)
    {
      const guchar *entry = data + position;
      gsize local;

      if (position > end || end - position < 46 || get_u32 (entry) != 0x02014b50)
        goto damaged;
      local = get_u32 (entry + 42);
      if (!is_valid_dos_time (get_u32 (entry + 12)) || local > size || size - local < 30 ||
          get_u32 (data + local) != 0x04034b50)
        goto damaged;
      position += 46 + get_u16 (entry + 28) + get_u16 (entry + 30) + get_u16 (entry + 32);
    }
  return TRUE;

damaged:
  g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                       _("the zip archive is damaged; it cannot be read"));
  return FALSE;
}

WaymarkSheetZip *
waymark_sheet_zip_open (GBytes  *bytes,
                        GError **error)
{
  GsfInput *input;
  g_autoptr (GError) local_error = NULL;
  GsfInfile *infile;
  WaymarkSheetZip *zip;
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  if (!waymark_sheet_is_zip (bytes))
    {
      g_set_error_literal (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                           _("the file is not a zip archive, as xlsx and ods files are"));
      return NULL;
    }
  if (!check_directory (data, size, error))
    return NULL;

  input = gsf_input_memory_new (data, (gsf_off_t) size, FALSE);
  infile = gsf_infile_zip_new (input, &local_error);
  g_object_unref (input);
  if (infile == NULL)
    {
      g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                   _("the zip archive cannot be read (%s)"),
                   local_error != NULL ? local_error->message : _("damaged"));
      return NULL;
    }

  zip = g_new0 (WaymarkSheetZip, 1);
  zip->bytes = g_bytes_ref (bytes);
  zip->infile = infile;
  return zip;
}

void
waymark_sheet_zip_free (WaymarkSheetZip *zip)
{
  if (zip == NULL)
    return;
  g_clear_object (&zip->infile);
  g_bytes_unref (zip->bytes);
  g_free (zip);
}

/* The member at @path, or NULL, with @error set when the archive is
 * damaged there. By the class's own lookup rather than
 * gsf_infile_child_by_aname(), which prints a warning of its own for a
 * damaged member (a file's problem is the user's to see, in our words,
 * not a warning on stderr). */
static GsfInput *
find_member (WaymarkSheetZip  *zip,
             const char       *path,
             GError          **error)
{
  g_auto (GStrv) names = g_strsplit (path, "/", -1);
  GsfInfile *dir = g_object_ref (zip->infile);
  GsfInput *member = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      GsfInfileClass *klass = G_TYPE_INSTANCE_GET_CLASS (dir, GSF_INFILE_TYPE, GsfInfileClass);
      g_autoptr (GError) local_error = NULL;

      member = klass->child_by_name (dir, names[i], &local_error);
      g_object_unref (dir);
      dir = NULL;
      if (member == NULL)
        {
          if (local_error != NULL)
            g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                         _("%s: the part cannot be unpacked; the archive is damaged"), path);
          return NULL;
        }
      if (names[i + 1] == NULL)
        break;
      if (!GSF_IS_INFILE (member))
        {
          g_object_unref (member);
          return NULL;
        }
      dir = GSF_INFILE (member);
      member = NULL;
    }
  return member;
}

gboolean
waymark_sheet_zip_has_part (WaymarkSheetZip *zip,
                            const char      *path)
{
  GsfInput *member = find_member (zip, path, NULL);
  gboolean found = member != NULL;

  g_clear_object (&member);
  return found;
}

static GBytes *
read_member (WaymarkSheetZip *zip,
             GsfInput        *member,
             const char      *path,
             GError         **error)
{
  gsf_off_t size;
  g_autofree guint8 *data = NULL;

  if (member == NULL ||
      (GSF_IS_INFILE (member) && gsf_infile_num_children (GSF_INFILE (member)) >= 0))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("%s: the archive has no such part"),
                   path);
      return NULL;
    }

  size = gsf_input_size (member);
  if (size < 0 || size > WAYMARK_SHEET_MAX_PART_SIZE)
    {
      g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                   _("%s: the part unpacks to more than %d MiB, the most Waymark reads from one "
                     "part"), path, WAYMARK_SHEET_MAX_PART_SIZE / (1024 * 1024));
      return NULL;
    }
  if (zip->unpacked + (gsize) size > WAYMARK_SHEET_MAX_UNPACKED)
    {
      g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                   _("%s: the parts read unpack to more than %d MiB, the most Waymark reads "
                     "from one file"), path, WAYMARK_SHEET_MAX_UNPACKED / (1024 * 1024));
      return NULL;
    }

  /* Exactly the declared size is inflated, never more, whatever the
   * compressed data would unpack to. When it unpacks to less, libgsf
   * still says it read it all, so the buffer starts zeroed: the rest is
   * then NUL bytes, which no XML part holds, rather than whatever the
   * memory held. */
  data = g_malloc0 ((gsize) size + 1);
  if (size > 0 && (gsf_input_read (member, (size_t) size, data) == NULL ||
                   memchr (data, '\0', (gsize) size) != NULL))
    {
      g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID,
                   _("%s: the part cannot be unpacked; the archive is damaged"), path);
      return NULL;
    }
  zip->unpacked += (gsize) size;
  return g_bytes_new_take (g_steal_pointer (&data), (gsize) size);
}

GBytes *
waymark_sheet_zip_read_part (WaymarkSheetZip *zip,
                             const char      *path,
                             GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  GsfInput *member = find_member (zip, path, &local_error);
  GBytes *bytes;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  bytes = read_member (zip, member, path, error);
  g_clear_object (&member);
  return bytes;
}

xmlDocPtr
waymark_sheet_zip_parse_part (WaymarkSheetZip *zip,
                              const char      *path,
                              GError         **error)
{
  g_autoptr (GBytes) bytes = waymark_sheet_zip_read_part (zip, path, error);
  g_autoptr (GError) local_error = NULL;
  guint line = 0, column = 0;
  xmlDocPtr doc;

  if (bytes == NULL)
    return NULL;
  doc = waymark_format_parse_fragment_at (bytes, &line, &column, &local_error);
  if (doc == NULL)
    {
      if (line > 0)
        g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID, "%s:%u:%u: %s", path,
                     line, column, local_error->message);
      else
        g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_INVALID, "%s: %s", path,
                     local_error->message);
    }
  return doc;
}

void
waymark_sheet_builder_init (WaymarkSheetBuilder *builder,
                            WaymarkTable        *table,
                            const char          *sheet)
{
  memset (builder, 0, sizeof *builder);
  builder->table = table;
  builder->sheet = sheet;
  builder->cells = g_ptr_array_new_with_free_func (g_free);
}

void
waymark_sheet_builder_clear (WaymarkSheetBuilder *builder)
{
  g_clear_pointer (&builder->cells, g_ptr_array_unref);
  g_clear_pointer (&builder->problem, g_free);
}

void
waymark_sheet_builder_start_row (WaymarkSheetBuilder *builder,
                                 guint64              line)
{
  g_ptr_array_set_size (builder->cells, 0);
  g_clear_pointer (&builder->problem, g_free);
  builder->line = line;
}

void
waymark_sheet_builder_bad_cell (WaymarkSheetBuilder *builder,
                                guint64              column,
                                char                *message)
{
  g_autofree char *owned = message;
  g_autofree char *cell = NULL;

  if (builder->problem != NULL)
    return;
  cell = waymark_sheet_cell_name (builder->sheet, column, builder->line);
  builder->problem = g_strdup_printf ("%s: %s", cell, message);
}

gboolean
waymark_sheet_builder_set_cell (WaymarkSheetBuilder *builder,
                                guint64              column,
                                const char          *text,
                                GError             **error)
{
  gsize len = strlen (text);

  if (len == 0 || builder->problem != NULL)
    return TRUE;
  if (column >= WAYMARK_CSV_MAX_COLUMNS)
    {
      waymark_sheet_builder_bad_cell (builder, column,
                                      g_strdup_printf (_("the row has a cell past column %d, "
                                                         "the last Waymark reads"),
                                                       WAYMARK_CSV_MAX_COLUMNS));
      return TRUE;
    }
  if (len > WAYMARK_CSV_MAX_FIELD_LENGTH)
    {
      waymark_sheet_builder_bad_cell (builder, column,
                                      g_strdup_printf (_("the cell is longer than %d KiB, the "
                                                         "most Waymark holds in one text"),
                                                       WAYMARK_LIMIT_TEXT_LENGTH / 1024));
      return TRUE;
    }
  if (builder->text_size + len > WAYMARK_SHEET_MAX_TEXT)
    {
      g_autofree char *cell = waymark_sheet_cell_name (builder->sheet, column, builder->line);

      g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                   _("%s: the sheet holds more than %d MiB of text, the most Waymark reads"),
                   cell, WAYMARK_SHEET_MAX_TEXT / (1024 * 1024));
      return FALSE;
    }
  builder->text_size += len;
  if (builder->cells->len <= column)
    g_ptr_array_set_size (builder->cells, (guint) column + 1);
  g_free (g_ptr_array_index (builder->cells, (guint) column));
  g_ptr_array_index (builder->cells, (guint) column) = g_strdup (text);
  return TRUE;
}

gboolean
waymark_sheet_builder_end_row (WaymarkSheetBuilder *builder,
                               guint64              count,
                               GError             **error)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  gsize row_size = 0;

  if (builder->problem == NULL && builder->cells->len == 0)
    {
      builder->line = 0;
      return TRUE;
    }

  for (guint i = 0; i < builder->cells->len; i++)
    {
      const char *text = g_ptr_array_index (builder->cells, i);

      g_ptr_array_add (cells, (gpointer) (text != NULL ? text : ""));
      row_size += strlen (text != NULL ? text : "");
    }

  /* A repeated row is added as often as it says, each time counted
   * against the limits, so the loop ends at the first one it passes. */
  for (guint64 i = 0; i < count; i++)
    {
      guint64 line = builder->line + i;

      if (line > WAYMARK_SHEET_LAST_ROW || builder->n_rows >= WAYMARK_CSV_MAX_ROWS)
        {
          g_autofree char *cell = waymark_sheet_cell_name (builder->sheet, 0, MIN (line,
                                                           WAYMARK_SHEET_LAST_ROW + 1));

          g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                       _("%s: the sheet has more than %d rows, the most Waymark reads"), cell,
                       MIN (WAYMARK_CSV_MAX_ROWS, WAYMARK_SHEET_LAST_ROW));
          return FALSE;
        }
      if (i > 0 && builder->text_size + row_size > WAYMARK_SHEET_MAX_TEXT)
        {
          g_autofree char *cell = waymark_sheet_cell_name (builder->sheet, 0, line);

          g_set_error (error, WAYMARK_CSV_ERROR, WAYMARK_CSV_ERROR_TOO_LARGE,
                       _("%s: the sheet holds more than %d MiB of text, the most Waymark reads"),
                       cell, WAYMARK_SHEET_MAX_TEXT / (1024 * 1024));
          return FALSE;
        }
      if (i > 0)
        builder->text_size += row_size;
      if (builder->problem != NULL)
        waymark_table_add_bad_row (builder->table, (guint) line, g_strdup (builder->problem));
      else
        waymark_table_add_row (builder->table, (guint) line, (const char * const *) cells->pdata,
                               cells->len);
      builder->n_rows++;
    }
  builder->line = 0;
  return TRUE;
}

char *
waymark_sheet_cell_name (const char *sheet,
                         guint64     column,
                         guint64     line)
{
  char letters[16];
  int at = sizeof letters - 1;
  gboolean plain = sheet != NULL && sheet[0] != '\0';

  letters[at] = '\0';
  column++;
  while (column > 0 && at > 0)
    {
      letters[--at] = (char) ('A' + (column - 1) % 26);
      column = (column - 1) / 26;
    }

  for (const char *p = sheet; plain && *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && (guchar) *p < 0x80)
      plain = FALSE;
  if (sheet == NULL)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, letters + at, line);
  if (plain)
    return g_strdup_printf ("%s!%s%" G_GUINT64_FORMAT, sheet, letters + at, line);
  return g_strdup_printf ("'%s'!%s%" G_GUINT64_FORMAT, sheet, letters + at, line);
}

char *
waymark_sheet_get_attribute (xmlNodePtr  node,
                             const char *name)
{
  for (xmlAttrPtr attr = node->properties; attr != NULL; attr = attr->next)
    if (xmlStrEqual (attr->name, (const xmlChar *) name))
      return (char *) xmlNodeGetContent ((xmlNodePtr) attr);
  return NULL;
}

gboolean
waymark_sheet_is_element (xmlNodePtr  node,
                          const char *name)
{
  return node->type == XML_ELEMENT_NODE && xmlStrEqual (node->name, (const xmlChar *) name);
}

xmlNodePtr
waymark_sheet_find_child (xmlNodePtr  node,
                          const char *name)
{
  for (xmlNodePtr child = node != NULL ? node->children : NULL; child != NULL;
       child = child->next)
    if (waymark_sheet_is_element (child, name))
      return child;
  return NULL;
}

char *
waymark_sheet_format_number (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (value == floor (value) && fabs (value) < 1e15)
    return g_strdup_printf ("%.0f", value == 0 ? 0.0 : value);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}
