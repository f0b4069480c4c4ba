/* waymark-format-scan.c: what libxml2 does not bound, checked before it parses
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libxml2 2.9 takes time that grows with the square of the number of
 * attributes on one element: xmlParseStartTag2 checks each attribute
 * against every one before it, and namespace declarations likewise, and
 * the tree builder walks the element's attribute list to append each new
 * one. 10,000 attributes on one element took 0.16 s to load, 20,000 took
 * 0.7 s and 100,000 took 29 s. Looking a prefix up walks every
 * namespace declaration in scope, so many declarations around many
 * prefixed attributes cost the product of the two (seconds for a few
 * megabytes). All of it happens inside the parser, before any callback of
 * ours could count, and libxml2 has no option to bound it (XML_PARSE_HUGE
 * only lifts other limits). Worse, after a well-formedness error libxml2
 * keeps parsing with our callbacks switched off, and would then even read
 * a DTD, whose default attributes are added to an element in the same
 * quadratic way.
 *
 * So the loader scans the bytes by hand first, with the few rules of XML
 * that decide where a start tag is: comments, CDATA sections, processing
 * instructions, the XML declaration and quoted attribute values are
 * skipped, start tags are counted. The scan agrees with libxml2 as long
 * as the file is well-formed. From the first thing that is not (where
 * libxml2's recovery could see markup the scan would skip), the scan
 * trusts no context at all: every "=" between one "<" and the next counts
 * as an attribute of a start tag there, which is at least as many as
 * libxml2 could parse. A file that is not well-formed is refused anyway;
 * the only cost is that such a file may be refused for its size rather
 * than for its first syntax error. A document type declaration ends what
 * libxml2 is given (see end_at_doctype()).
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "waymark-format.h"
#include "waymark-limits.h"

typedef struct {
  const guchar *data;
  gsize         length;
  gsize         pos;
  gboolean      distrust;      /* after something that is not well-formed */
  gboolean      seen_element;
  gsize         parse_length;
  GArray       *namespaces;    /* declarations of each open element (guint) */
  guint         n_namespaces;  /* in scope: the sum of the above */
  gsize         error_at;      /* the start tag past a limit */
  char         *message;
} Scanner;

static gboolean
is_blank (guchar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* What ends a name: a name itself is whatever else (libxml2's names are
 * narrower, so a name here is never shorter than libxml2's). */
static gboolean
ends_name (guchar c)
{
  return is_blank (c) || c < 0x20 || c == '>' || c == '/' || c == '<' || c == '=' || c == '"' ||
         c == '\'';
}

static gboolean
looking_at (Scanner    *scanner,
            const char *text)
{
  gsize n = strlen (text);

  return scanner->length - scanner->pos >= n &&
         memcmp (scanner->data + scanner->pos, text, n) == 0;
}

/* The length of the character at the scan position when XML 1.0 allows
 * it (and it is UTF-8), else 0: where libxml2 may end a comment, a CDATA
 * section, a processing instruction or an attribute value in error. (It
 * reads on past invalid UTF-8 as Latin-1; stopping there too is only
 * more careful, as the rest of the file is then distrusted.) */
static gsize
char_length (Scanner *scanner)
{
  guchar c = scanner->data[scanner->pos];
  gunichar u;

  if (c < 0x80)
    return c >= 0x20 || c == '\t' || c == '\n' || c == '\r' ? 1 : 0;
  u = g_utf8_get_char_validated ((const char *) scanner->data + scanner->pos,
                                 (gssize) MIN (scanner->length - scanner->pos, 6));
  if (u == (gunichar) -1 || u == (gunichar) -2 || u == 0xFFFE || u == 0xFFFF)
    return 0;
  return (gsize) g_utf8_skip[c];
}

static gsize
skip_blanks (Scanner *scanner)
{
  gsize start = scanner->pos;

  while (scanner->pos < scanner->length && is_blank (scanner->data[scanner->pos]))
    scanner->pos++;
  return scanner->pos - start;
}

static void
skip_name (Scanner *scanner)
{
  while (scanner->pos < scanner->length && !ends_name (scanner->data[scanner->pos]))
    scanner->pos++;
}

/* Moves past @end, over XML characters only. FALSE at the first that is
 * not one, or at the end of the data; with @no_double_hyphen (comments)
 * also at a "--" that is not the end. */
static gboolean
skip_past (Scanner    *scanner,
           const char *end,
           gboolean    no_double_hyphen)
{
  while (scanner->pos < scanner->length)
    {
      gsize n;

      if (looking_at (scanner, end))
        {
          scanner->pos += strlen (end);
          return TRUE;
        }
      if (no_double_hyphen && looking_at (scanner, "--"))
        return FALSE;
      n = char_length (scanner);
      if (n == 0)
        return FALSE;
      scanner->pos += n;
    }
  return FALSE;
}

/* The element's name as the scan found it, fit for a message. */
static char *
element_name (Scanner *scanner,
              gsize    tag)
{
  gsize end = tag + 1;
  g_autofree char *name = NULL;
  g_autofree char *valid = NULL;

  while (end < scanner->length && end - tag <= 64 && !ends_name (scanner->data[end]))
    end++;
  name = g_strndup ((const char *) scanner->data + tag + 1, end - tag - 1);
  valid = g_utf8_make_valid (name, -1);
  if (end - tag > 64)
    return g_strconcat (valid, "…", NULL);
  return g_steal_pointer (&valid);
}

static void
too_many_attributes (Scanner *scanner,
                     gsize    tag)
{
  g_autofree char *name = element_name (scanner, tag);

  scanner->error_at = tag;
  scanner->message = g_strdup_printf (_("the element <%s> has more than %d attributes, the most "
                                        "Waymark reads"), name, WAYMARK_LIMIT_ATTRIBUTES);
}

static void
too_many_namespaces (Scanner *scanner,
                     gsize    tag)
{
  g_autofree char *name = element_name (scanner, tag);

  scanner->error_at = tag;
  scanner->message = g_strdup_printf (_("the element <%s> is in the scope of more than %d "
                                        "namespace declarations, the most Waymark reads"),
                                      name, WAYMARK_LIMIT_NAMESPACES);
}

/* A document type declaration: libxml2 is given the file up to the end
 * of its header ("<!DOCTYPE name SYSTEM "…""), where the loader's
 * callback refuses it at the same line and column as before; nothing
 * after it is ever parsed, not even after an earlier error, when libxml2
 * would skip the callback and read the DTD. */
static void
end_at_doctype (Scanner *scanner)
{
  scanner->pos += strlen ("<!DOCTYPE");
  skip_blanks (scanner);
  while (scanner->pos < scanner->length && !is_blank (scanner->data[scanner->pos]) &&
         scanner->data[scanner->pos] != '[' && scanner->data[scanner->pos] != '>')
    scanner->pos++;
  skip_blanks (scanner);
  if (looking_at (scanner, "SYSTEM") || looking_at (scanner, "PUBLIC"))
    {
      guint n_literals = looking_at (scanner, "PUBLIC") ? 2 : 1;

      scanner->pos += strlen ("SYSTEM");
      for (guint i = 0; i < n_literals; i++)
        {
          guchar quote;

          skip_blanks (scanner);
          if (scanner->pos >= scanner->length || (scanner->data[scanner->pos] != '"' &&
                                                  scanner->data[scanner->pos] != '\''))
            break;
          quote = scanner->data[scanner->pos++];
          while (scanner->pos < scanner->length && scanner->data[scanner->pos] != quote)
            scanner->pos++;
          if (scanner->pos < scanner->length)
            scanner->pos++;
        }
      skip_blanks (scanner);
    }
  scanner->parse_length = scanner->pos;
}

static gboolean
at_xml_declaration (Scanner *scanner)
{
  return looking_at (scanner, "<?xml") && scanner->pos + 5 < scanner->length &&
         is_blank (scanner->data[scanner->pos + 5]);
}

/* The XML declaration, at the very start: ASCII up to "?>". libxml2 ends
 * a broken one at the next ">", so a ">" before "?>" is distrusted. */
static gboolean
skip_xml_declaration (Scanner *scanner)
{
  scanner->pos += strlen ("<?xml");
  while (scanner->pos < scanner->length && !looking_at (scanner, "?>"))
    {
      guchar c = scanner->data[scanner->pos];

      if (c == '>' || c >= 0x7f || (c < 0x20 && !is_blank (c)))
        return FALSE;
      scanner->pos++;
    }
  if (scanner->pos >= scanner->length)
    return FALSE;
  scanner->pos += 2;
  return TRUE;
}

/* A processing instruction: an ASCII target, then "?>" or a blank and
 * data up to "?>". */
static gboolean
skip_processing_instruction (Scanner *scanner)
{
  scanner->pos += 2;
  if (scanner->pos >= scanner->length ||
      !(g_ascii_isalpha (scanner->data[scanner->pos]) || scanner->data[scanner->pos] == '_' ||
        scanner->data[scanner->pos] == ':'))
    return FALSE;
  while (scanner->pos < scanner->length &&
         (g_ascii_isalnum (scanner->data[scanner->pos]) ||
          strchr ("_:.-", scanner->data[scanner->pos]) != NULL))
    scanner->pos++;
  if (looking_at (scanner, "?>"))
    {
      scanner->pos += 2;
      return TRUE;
    }
  if (skip_blanks (scanner) == 0)
    return FALSE;
  return skip_past (scanner, "?>", FALSE);
}

static gboolean
is_namespace_declaration (Scanner *scanner,
                          gsize    name,
                          gsize    name_end)
{
  gsize n = name_end - name;

  return n >= 5 && memcmp (scanner->data + name, "xmlns", 5) == 0 &&
         (n == 5 || scanner->data[name + 5] == ':');
}

/* A start tag of a well-formed file: counts its attributes and namespace
 * declarations. FALSE at a limit (error_at is set), or where the tag
 * stops being well-formed: the position is then back at its "<", so that
 * the distrusting scan counts the whole tag (libxml2 goes on parsing
 * attributes after some errors, a value-less attribute among them). */
static gboolean
scan_start_tag (Scanner *scanner)
{
  gsize tag = scanner->pos;
  guint n_attributes = 0, n_declarations = 0;

  scanner->pos++;
  if (scanner->pos >= scanner->length || ends_name (scanner->data[scanner->pos]))
    goto not_well_formed;
  skip_name (scanner);
  scanner->seen_element = TRUE;

  for (;;)
    {
      gsize blanks = skip_blanks (scanner);
      gsize name;
      gboolean declaration;
      guchar quote;

      if (scanner->pos >= scanner->length)
        return TRUE;
      if (scanner->data[scanner->pos] == '>' || looking_at (scanner, "/>"))
        break;
      if (blanks == 0 || ends_name (scanner->data[scanner->pos]))
        goto not_well_formed;

      if (++n_attributes > WAYMARK_LIMIT_ATTRIBUTES)
        {
          too_many_attributes (scanner, tag);
          return FALSE;
        }
      name = scanner->pos;
      skip_name (scanner);
      declaration = is_namespace_declaration (scanner, name, scanner->pos);
      if (declaration && scanner->n_namespaces + 1 > WAYMARK_LIMIT_NAMESPACES)
        {
          too_many_namespaces (scanner, tag);
          return FALSE;
        }
      if (declaration)
        {
          scanner->n_namespaces++;
          n_declarations++;
        }
      skip_blanks (scanner);
      if (scanner->pos >= scanner->length || scanner->data[scanner->pos] != '=')
        goto not_well_formed;
      scanner->pos++;
      skip_blanks (scanner);
      if (scanner->pos >= scanner->length ||
          (scanner->data[scanner->pos] != '"' && scanner->data[scanner->pos] != '\''))
        goto not_well_formed;
      quote = scanner->data[scanner->pos++];
      while (scanner->pos < scanner->length && scanner->data[scanner->pos] != quote)
        {
          gsize n = scanner->data[scanner->pos] == '<' ? 0 : char_length (scanner);

          if (n == 0)
            goto not_well_formed;
          scanner->pos += n;
        }
      if (scanner->pos >= scanner->length)
        return TRUE;
      scanner->pos++;
    }

  if (scanner->data[scanner->pos] == '>')
    {
      /* Open until its end tag: its declarations stay in scope. */
      g_array_append_val (scanner->namespaces, n_declarations);
      scanner->pos++;
    }
  else
    {
      scanner->n_namespaces -= n_declarations;
      scanner->pos += 2;
    }
  return TRUE;

not_well_formed:
  scanner->n_namespaces -= n_declarations;
  scanner->pos = tag;
  return FALSE;
}

static void
scan_end_tag (Scanner *scanner)
{
  if (scanner->namespaces->len > 0)
    {
      scanner->n_namespaces -= g_array_index (scanner->namespaces, guint,
                                              scanner->namespaces->len - 1);
      g_array_set_size (scanner->namespaces, scanner->namespaces->len - 1);
    }
  scanner->pos += 2;
  while (scanner->pos < scanner->length && scanner->data[scanner->pos] != '>' &&
         scanner->data[scanner->pos] != '<')
    scanner->pos++;
}

/* Once something is not well-formed: every "=" up to the next "<" is an
 * attribute of a tag that may start at this "<", and every "xmlns" a
 * namespace declaration in scope from then on. */
static void
scan_distrusting (Scanner *scanner)
{
  while (scanner->pos < scanner->length)
    {
      gsize tag = scanner->pos;
      guint n_attributes = 0;

      if (looking_at (scanner, "<!DOCTYPE"))
        {
          end_at_doctype (scanner);
          return;
        }
      for (scanner->pos++; scanner->pos < scanner->length && scanner->data[scanner->pos] != '<';
           scanner->pos++)
        {
          if (scanner->data[scanner->pos] == '=' && ++n_attributes > WAYMARK_LIMIT_ATTRIBUTES)
            {
              too_many_attributes (scanner, tag);
              return;
            }
          if (looking_at (scanner, "xmlns") && ++scanner->n_namespaces > WAYMARK_LIMIT_NAMESPACES)
            {
              too_many_namespaces (scanner, tag);
              return;
            }
        }
    }
}

static void
scan (Scanner *scanner)
{
  /* A byte-order mark, which libxml2 skips. */
  if (looking_at (scanner, "\xEF\xBB\xBF"))
    scanner->pos = 3;
  if (at_xml_declaration (scanner) && !skip_xml_declaration (scanner))
    scanner->distrust = TRUE;

  while (!scanner->distrust && scanner->pos < scanner->length)
    {
      const guchar *next = memchr (scanner->data + scanner->pos, '<',
                                   scanner->length - scanner->pos);
      gboolean ok = TRUE;

      /* Text: only a "<" starts anything. */
      if (next == NULL)
        break;
      scanner->pos = next - scanner->data;
      if (looking_at (scanner, "<!--"))
        {
          scanner->pos += 4;
          ok = skip_past (scanner, "-->", TRUE);
        }
      else if (looking_at (scanner, "<![CDATA["))
        {
          scanner->pos += 9;
          ok = scanner->seen_element && skip_past (scanner, "]]>", FALSE);
        }
      else if (looking_at (scanner, "<!DOCTYPE"))
        {
          end_at_doctype (scanner);
          return;
        }
      else if (looking_at (scanner, "<?"))
        ok = !at_xml_declaration (scanner) && skip_processing_instruction (scanner);
      else if (looking_at (scanner, "</"))
        scan_end_tag (scanner);
      else if (looking_at (scanner, "<!"))
        ok = FALSE;
      else
        ok = scan_start_tag (scanner);

      if (scanner->error_at != G_MAXSIZE)
        return;
      if (!ok)
        scanner->distrust = TRUE;
    }
  if (scanner->distrust)
    scan_distrusting (scanner);
}

/* 1-based line and column (in characters) of byte @offset, counted the
 * way libxml2 counts them. */
static void
locate (const guchar *data,
        gsize         offset,
        guint        *line,
        guint        *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if ((data[i] & 0xC0) != 0x80)
        c++;
    }
  *line = l;
  *column = c;
}

gboolean
waymark_format_scan_markup (const char  *data,
                            gsize        length,
                            gsize       *parse_length,
                            guint       *line,
                            guint       *column,
                            GError     **error)
{
  Scanner scanner = { 0, };
  gboolean ok;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  scanner.data = (const guchar *) data;
  scanner.length = length;
  scanner.parse_length = length;
  scanner.error_at = G_MAXSIZE;
  scanner.namespaces = g_array_new (FALSE, FALSE, sizeof (guint));
  scan (&scanner);
  g_array_unref (scanner.namespaces);

  if (parse_length != NULL)
    *parse_length = scanner.parse_length;
  ok = scanner.error_at == G_MAXSIZE;
  if (!ok || scanner.parse_length < length)
    {
      guint l, c;

      locate (scanner.data, ok ? scanner.parse_length : scanner.error_at, &l, &c);
      if (line != NULL)
        *line = l;
      if (column != NULL)
        *column = c;
    }
  if (!ok)
    g_set_error_literal (error, WAYMARK_FORMAT_ERROR, WAYMARK_FORMAT_ERROR_TOO_LARGE,
                         scanner.message);
  g_free (scanner.message);
  return ok;
}
