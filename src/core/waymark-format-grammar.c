/* waymark-format-grammar.c: the schema, data/waymark.rng, checked in code
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * data/waymark.rng is the specification of the format, and stays the
 * one: `xmllint --relaxng data/waymark.rng` says what Waymark accepts.
 * The loader used to run it with libxml2's RELAX NG validator over a tree
 * of the whole file. That meant building the tree only to walk it twice
 * (the validator, then the reader), and the validator itself cost a
 * sixth of loading a large map. The schema is small and regular: every
 * element has a fixed set of attributes and its children in a fixed
 * order, each optional or repeated, and holds either elements or text.
 * So its rules are written out below as tables, and checked as the
 * parser streams the file (waymark-format-reader.c), with messages that
 * name the element and what was expected.
 *
 * Where libxml2's validator and the RELAX NG rules could differ, this
 * follows libxml2 2.9, measured: whitespace around an integer is allowed
 * and one is refused past 24 significant digits; <value>s compare as
 * tokens (blanks around them ignored); only blank text (spaces, tabs,
 * line ends) may stand between elements, CDATA included; text split by a
 * comment is one text. tests/test-format-grammar.c holds the two to the
 * same verdict on every document of the test corpus and on thousands of
 * variants of them, and checks that the tables name the schema's
 * elements, attributes and patterns.
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <libxml/xmlregexp.h>

#include "waymark-format-private.h"

#define NS ((const xmlChar *) WAYMARK_FORMAT_NAMESPACE)

typedef enum {
  VALUE_TEXT,
  VALUE_ID,
  VALUE_COLOR,
  VALUE_LANGUAGE,
  VALUE_INTEGER,
  VALUE_POSITIVE_INTEGER,
  VALUE_TOKEN,          /* one of the rule's tokens */
} ValueType;

typedef enum {
  CONTENT_EMPTY,        /* no children, blank text only */
  CONTENT_ELEMENTS,     /* the rule's children, blank text between */
  CONTENT_TEXT,         /* any text, no children */
  CONTENT_TIMESTAMP,    /* text matching the timestamp pattern */
} ContentType;

typedef struct {
  WaymarkFormatAttribute attribute;
  ValueType              type;
  gboolean               required;
  const char * const    *tokens;
} AttributeRule;

typedef struct {
  WaymarkFormatElement element;
  gboolean             repeats;   /* zeroOrMore; else optional */
} ChildRule;

typedef struct {
  const char          *name;
  ContentType          content;
  const AttributeRule *attributes;  /* ends with a rule of type -1 */
  const ChildRule     *children;    /* ends with NONE */
} ElementRule;

static const char * const attribute_names[] = {
  [WAYMARK_FORMAT_ATTRIBUTE_ID] = "id",
  [WAYMARK_FORMAT_ATTRIBUTE_NAME] = "name",
  [WAYMARK_FORMAT_ATTRIBUTE_COLOR] = "color",
  [WAYMARK_FORMAT_ATTRIBUTE_INITIALS] = "initials",
  [WAYMARK_FORMAT_ATTRIBUTE_KIND] = "kind",
  [WAYMARK_FORMAT_ATTRIBUTE_MIN] = "min",
  [WAYMARK_FORMAT_ATTRIBUTE_MAX] = "max",
  [WAYMARK_FORMAT_ATTRIBUTE_LANE] = "lane",
  [WAYMARK_FORMAT_ATTRIBUTE_PHASE] = "phase",
  [WAYMARK_FORMAT_ATTRIBUTE_SPAN] = "span",
  [WAYMARK_FORMAT_ATTRIBUTE_REF] = "ref",
  [WAYMARK_FORMAT_ATTRIBUTE_SCORE] = "score",
  [WAYMARK_FORMAT_ATTRIBUTE_LABEL] = "label",
  [WAYMARK_FORMAT_ATTRIBUTE_DOMAIN] = "domain",
  [WAYMARK_FORMAT_ATTRIBUTE_STATUS] = "status",
  [WAYMARK_FORMAT_ATTRIBUTE_VALUE] = "value",
  [WAYMARK_FORMAT_ATTRIBUTE_EFFORT] = "effort",
  [WAYMARK_FORMAT_ATTRIBUTE_OWNER] = "owner",
  [WAYMARK_FORMAT_ATTRIBUTE_CARD] = "card",
  [WAYMARK_FORMAT_ATTRIBUTE_VERSION] = "version",
  [WAYMARK_FORMAT_ATTRIBUTE_LANG] = "lang",
  [WAYMARK_FORMAT_ATTRIBUTE_COLUMN_WIDTH] = "column-width",
};
G_STATIC_ASSERT (G_N_ELEMENTS (attribute_names) == WAYMARK_FORMAT_N_ATTRIBUTES);

/* The <value>s of data/waymark.rng. The versions: the loader reads
 * all, and what versions 2 and 3 add is checked in check_version(). */
static const char * const versions[] = { "1", "2", "3", NULL };
static const char * const lane_kinds[] = { "actions", "thoughts", "emotions", "touchpoints",
                                           "barriers", "levers", "notes", NULL };
static const char * const statuses[] = { "open", "in-progress", "done", "dropped", NULL };

#define A(attribute, type, required, tokens) \
  { WAYMARK_FORMAT_ATTRIBUTE_##attribute, VALUE_##type, required, tokens }
#define END_ATTRIBUTES { 0, (ValueType) -1, FALSE, NULL }
#define C(element, repeats) { WAYMARK_FORMAT_ELEMENT_##element, repeats }
#define END_CHILDREN { WAYMARK_FORMAT_ELEMENT_NONE, FALSE }

static const AttributeRule no_attributes[] = { END_ATTRIBUTES };
static const ChildRule no_children[] = { END_CHILDREN };

static const AttributeRule waymark_attributes[] = {
  A (LANG, LANGUAGE, FALSE, NULL), A (COLUMN_WIDTH, POSITIVE_INTEGER, FALSE, NULL),
  A (VERSION, TOKEN, TRUE, versions), END_ATTRIBUTES
};
static const ChildRule waymark_children[] = {
  C (TITLE, FALSE), C (AUTHOR, FALSE), C (CREATED, FALSE), C (MODIFIED, FALSE),
  C (DESCRIPTION, FALSE), C (TAGS, FALSE), C (PERSONA, TRUE), C (DOMAINS, FALSE),
  C (RECOMMENDATIONS, FALSE), END_CHILDREN
};
static const AttributeRule swatch_attributes[] = {
  A (ID, ID, TRUE, NULL), A (NAME, TEXT, TRUE, NULL), A (COLOR, COLOR, FALSE, NULL), END_ATTRIBUTES
};
static const ChildRule tags_children[] = { C (TAG, TRUE), END_CHILDREN };
static const AttributeRule persona_attributes[] = {
  A (ID, ID, TRUE, NULL), A (NAME, TEXT, TRUE, NULL), A (COLOR, COLOR, FALSE, NULL),
  A (INITIALS, TEXT, FALSE, NULL), END_ATTRIBUTES
};
static const ChildRule persona_children[] = {
  C (AMBITION, FALSE), C (DESCRIPTION, FALSE), C (PROFILE, FALSE), C (PHASES, FALSE),
  C (LANES, FALSE), C (CARDS, FALSE), C (EMOTIONS, FALSE), END_CHILDREN
};
static const ChildRule profile_children[] = {
  C (QUOTE, FALSE), C (GOAL, TRUE), C (NEED, TRUE), C (FRUSTRATION, TRUE), C (FACT, TRUE),
  END_CHILDREN
};
static const AttributeRule fact_attributes[] = { A (LABEL, TEXT, TRUE, NULL), END_ATTRIBUTES };
static const ChildRule phases_children[] = { C (PHASE, TRUE), END_CHILDREN };
static const AttributeRule phase_attributes[] = {
  A (ID, ID, TRUE, NULL), A (NAME, TEXT, TRUE, NULL), END_ATTRIBUTES
};
static const ChildRule phase_children[] = { C (DESCRIPTION, FALSE), END_CHILDREN };
static const ChildRule lanes_children[] = { C (LANE, TRUE), END_CHILDREN };
static const AttributeRule lane_attributes[] = {
  A (ID, ID, TRUE, NULL), A (NAME, TEXT, TRUE, NULL), A (KIND, TOKEN, TRUE, lane_kinds),
  A (COLOR, COLOR, FALSE, NULL), A (MIN, INTEGER, FALSE, NULL), A (MAX, INTEGER, FALSE, NULL),
  END_ATTRIBUTES
};
static const ChildRule cards_children[] = { C (CARD, TRUE), END_CHILDREN };
static const AttributeRule card_attributes[] = {
  A (ID, ID, TRUE, NULL), A (LANE, ID, TRUE, NULL), A (PHASE, ID, TRUE, NULL),
  A (SPAN, INTEGER, FALSE, NULL), A (COLOR, COLOR, FALSE, NULL), END_ATTRIBUTES
};
static const ChildRule card_children[] = {
  C (TEXT, FALSE), C (CARD_TAG, TRUE), C (EVIDENCE, FALSE), END_CHILDREN
};
static const AttributeRule card_tag_attributes[] = { A (REF, ID, TRUE, NULL), END_ATTRIBUTES };
static const ChildRule emotions_children[] = { C (POINT, TRUE), END_CHILDREN };
static const AttributeRule point_attributes[] = {
  A (LANE, ID, TRUE, NULL), A (PHASE, ID, TRUE, NULL), A (SCORE, INTEGER, TRUE, NULL),
  A (LABEL, TEXT, FALSE, NULL), END_ATTRIBUTES
};
static const ChildRule domains_children[] = { C (DOMAIN, TRUE), END_CHILDREN };
static const ChildRule recommendations_children[] = { C (RECOMMENDATION, TRUE), END_CHILDREN };
static const AttributeRule recommendation_attributes[] = {
  A (ID, ID, TRUE, NULL), A (DOMAIN, ID, FALSE, NULL), A (STATUS, TOKEN, FALSE, statuses),
  A (VALUE, INTEGER, FALSE, NULL), A (EFFORT, INTEGER, FALSE, NULL), A (OWNER, TEXT, FALSE, NULL),
  END_ATTRIBUTES
};
static const ChildRule recommendation_children[] = {
  C (TITLE, FALSE), C (DESCRIPTION, FALSE), C (ADDRESSES, TRUE), END_CHILDREN
};
static const AttributeRule addresses_attributes[] = { A (CARD, ID, TRUE, NULL), END_ATTRIBUTES };

#define E(element, name, content, attributes, children) \
  [WAYMARK_FORMAT_ELEMENT_##element] = { name, CONTENT_##content, attributes, children }

static const ElementRule rules[] = {
  [WAYMARK_FORMAT_ELEMENT_NONE] = { NULL, CONTENT_EMPTY, no_attributes, no_children },
  E (WAYMARK, "waymark", ELEMENTS, waymark_attributes, waymark_children),
  E (TITLE, "title", TEXT, no_attributes, no_children),
  E (AUTHOR, "author", TEXT, no_attributes, no_children),
  E (CREATED, "created", TIMESTAMP, no_attributes, no_children),
  E (MODIFIED, "modified", TIMESTAMP, no_attributes, no_children),
  E (DESCRIPTION, "description", TEXT, no_attributes, no_children),
  E (TAGS, "tags", ELEMENTS, no_attributes, tags_children),
  E (TAG, "tag", EMPTY, swatch_attributes, no_children),
  E (PERSONA, "persona", ELEMENTS, persona_attributes, persona_children),
  E (AMBITION, "ambition", TEXT, no_attributes, no_children),
  E (PHASES, "phases", ELEMENTS, no_attributes, phases_children),
  E (PHASE, "phase", ELEMENTS, phase_attributes, phase_children),
  E (LANES, "lanes", ELEMENTS, no_attributes, lanes_children),
  E (LANE, "lane", EMPTY, lane_attributes, no_children),
  E (CARDS, "cards", ELEMENTS, no_attributes, cards_children),
  E (CARD, "card", ELEMENTS, card_attributes, card_children),
  E (TEXT, "text", TEXT, no_attributes, no_children),
  E (CARD_TAG, "tag", EMPTY, card_tag_attributes, no_children),
  E (EVIDENCE, "evidence", TEXT, no_attributes, no_children),
  E (EMOTIONS, "emotions", ELEMENTS, no_attributes, emotions_children),
  E (POINT, "point", EMPTY, point_attributes, no_children),
  E (DOMAINS, "domains", ELEMENTS, no_attributes, domains_children),
  E (DOMAIN, "domain", EMPTY, swatch_attributes, no_children),
  E (RECOMMENDATIONS, "recommendations", ELEMENTS, no_attributes, recommendations_children),
  E (RECOMMENDATION, "recommendation", ELEMENTS, recommendation_attributes,
     recommendation_children),
  E (ADDRESSES, "addresses", EMPTY, addresses_attributes, no_children),
  E (PROFILE, "profile", ELEMENTS, no_attributes, profile_children),
  E (QUOTE, "quote", TEXT, no_attributes, no_children),
  E (GOAL, "goal", TEXT, no_attributes, no_children),
  E (NEED, "need", TEXT, no_attributes, no_children),
  E (FRUSTRATION, "frustration", TEXT, no_attributes, no_children),
  E (FACT, "fact", TEXT, fact_attributes, no_children),
};
G_STATIC_ASSERT (G_N_ELEMENTS (rules) == WAYMARK_FORMAT_N_ELEMENTS);

#undef A
#undef C
#undef E

const char *
waymark_format_element_get_name (WaymarkFormatElement element)
{
  g_return_val_if_fail (element < WAYMARK_FORMAT_N_ELEMENTS, NULL);
  return rules[element].name;
}

gboolean
waymark_format_grammar_holds_text (WaymarkFormatElement element)
{
  return rules[element].content == CONTENT_TEXT || rules[element].content == CONTENT_TIMESTAMP;
}

/* Values */

char *
waymark_format_value_dup (const WaymarkFormatValue *value)
{
  const char *amp;
  GString *decoded;
  const char *p;

  if (value->start == NULL)
    return NULL;
  amp = memchr (value->start, '&', (gsize) (value->end - value->start));
  if (amp == NULL)
    return g_strndup (value->start, (gsize) (value->end - value->start));

  /* libxml2 hands "&" in an attribute over as "&#38;" (for its tree to
   * decode again) when entities are not substituted, which they never
   * are here; every other reference arrives decoded, and an "&" can only
   * have come from one. */
  decoded = g_string_sized_new ((gsize) (value->end - value->start));
  for (p = value->start; p < value->end;)
    {
      if (*p == '&' && value->end - p >= 5 && memcmp (p, "&#38;", 5) == 0)
        {
          g_string_append_c (decoded, '&');
          p += 5;
        }
      else
        g_string_append_c (decoded, *p++);
    }
  return g_string_free (decoded, FALSE);
}

/* The patterns, exactly as data/waymark.rng writes them. */
static const char * const patterns[WAYMARK_FORMAT_N_PATTERNS] = {
  [WAYMARK_FORMAT_PATTERN_ID] = "[\\p{L}\\p{N}_.\\-]+",
  [WAYMARK_FORMAT_PATTERN_COLOR] = "#[0-9A-Fa-f]{6}",
  [WAYMARK_FORMAT_PATTERN_LANGUAGE] = "[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*",
  [WAYMARK_FORMAT_PATTERN_TIMESTAMP] =
    "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+\\-]\\d{2}:\\d{2})",
};

const char *
waymark_format_get_pattern (WaymarkFormatPattern pattern)
{
  g_return_val_if_fail (pattern < WAYMARK_FORMAT_N_PATTERNS, NULL);
  return patterns[pattern];
}

/* libxml2's own regular expressions, which are what the schema's
 * patterns mean (their \p{L} and \d are libxml2's Unicode tables).
 * Compiled only when a value is not plain ASCII: the ASCII cases are
 * matched by hand below, which is much faster (libxml2 tests every
 * character against long range tables). */
gboolean
waymark_format_value_matches (WaymarkFormatPattern  pattern,
                              const char           *value)
{
  static xmlRegexpPtr compiled[WAYMARK_FORMAT_N_PATTERNS];
  static gsize once[WAYMARK_FORMAT_N_PATTERNS];

  g_return_val_if_fail (pattern < WAYMARK_FORMAT_N_PATTERNS, FALSE);

  if (g_once_init_enter (&once[pattern]))
    {
      compiled[pattern] = xmlRegexpCompile ((const xmlChar *) patterns[pattern]);
      g_once_init_leave (&once[pattern], 1);
    }
  g_return_val_if_fail (compiled[pattern] != NULL, FALSE);
  return xmlRegexpExec (compiled[pattern], (const xmlChar *) value) == 1;
}

static gboolean
is_ascii (const char *p,
          const char *end)
{
  for (; p < end; p++)
    if ((guchar) *p >= 0x80)
      return FALSE;
  return TRUE;
}

/* Runs the pattern's regular expression over a value that is not plain
 * ASCII. */
static gboolean
matches_regexp (WaymarkFormatPattern  pattern,
                const char           *start,
                const char           *end)
{
  g_autofree char *value = g_strndup (start, (gsize) (end - start));

  return waymark_format_value_matches (pattern, value);
}

static gboolean
is_id (const char *start,
       const char *end)
{
  if (start == end)
    return FALSE;
  if (!is_ascii (start, end))
    return matches_regexp (WAYMARK_FORMAT_PATTERN_ID, start, end);
  for (const char *p = start; p < end; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '.' && *p != '-')
      return FALSE;
  return TRUE;
}

static gboolean
is_color (const char *start,
          const char *end)
{
  if (end - start != 7 || start[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (start[i]))
      return FALSE;
  return TRUE;
}

/* A run of 1 to 8 ASCII letters (or letters and digits); the length. */
static int
language_part (const char *p,
               const char *end,
               gboolean    digits)
{
  int n = 0;

  while (p + n < end && n <= 8 && (g_ascii_isalpha (p[n]) || (digits && g_ascii_isdigit (p[n]))))
    n++;
  return n >= 1 && n <= 8 ? n : 0;
}

static gboolean
is_language (const char *start,
             const char *end)
{
  int n = language_part (start, end, FALSE);

  if (n == 0)
    return FALSE;
  for (start += n; start < end; start += n)
    {
      if (*start++ != '-' || (n = language_part (start, end, TRUE)) == 0)
        return FALSE;
    }
  return TRUE;
}

/* @n ASCII digits at *@p, stepping over them. */
static gboolean
digits (const char **p,
        const char  *end,
        int          n)
{
  for (int i = 0; i < n; i++, (*p)++)
    if (*p >= end || !g_ascii_isdigit (**p))
      return FALSE;
  return TRUE;
}

static gboolean
literal (const char **p,
         const char  *end,
         char         c)
{
  if (*p >= end || **p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

static gboolean
is_timestamp (const char *start,
              const char *end)
{
  const char *p = start;

  /* \d is any Unicode decimal digit to the schema. */
  if (!is_ascii (start, end))
    return matches_regexp (WAYMARK_FORMAT_PATTERN_TIMESTAMP, start, end);
  if (!digits (&p, end, 4) || !literal (&p, end, '-') || !digits (&p, end, 2) ||
      !literal (&p, end, '-') || !digits (&p, end, 2) || !literal (&p, end, 'T') ||
      !digits (&p, end, 2) || !literal (&p, end, ':') || !digits (&p, end, 2) ||
      !literal (&p, end, ':') || !digits (&p, end, 2))
    return FALSE;
  if (p < end && *p == '.')
    {
      p++;
      if (!digits (&p, end, 1))
        return FALSE;
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && *p == 'Z')
    return p + 1 == end;
  if (p >= end || (*p != '+' && *p != '-'))
    return FALSE;
  p++;
  return digits (&p, end, 2) && literal (&p, end, ':') && digits (&p, end, 2) && p == end;
}

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* xsd:integer as libxml2 2.9 reads it (xmlSchemaValAtomicType): blanks
 * around, an optional sign, digits of which at most 24 count after the
 * leading zeros. */
static gboolean
is_integer (const char *start,
            const char *end,
            gboolean    positive)
{
  gboolean negative = FALSE, nonzero = FALSE;
  int significant = 0;

  while (start < end && is_blank (*start))
    start++;
  while (end > start && is_blank (end[-1]))
    end--;
  if (start < end && (*start == '+' || *start == '-'))
    negative = *start++ == '-';
  if (start == end)
    return FALSE;
  for (; start < end; start++)
    {
      if (!g_ascii_isdigit (*start))
        return FALSE;
      if (*start != '0')
        nonzero = TRUE;
      if (nonzero && ++significant > 24)
        return FALSE;
    }
  return !positive || (!negative && nonzero);
}

/* A <value> compares as an xsd token: blanks around it do not count (no
 * value of the schema has blanks inside). */
static gboolean
is_token (const char         *start,
          const char         *end,
          const char * const *tokens)
{
  while (start < end && is_blank (*start))
    start++;
  while (end > start && is_blank (end[-1]))
    end--;
  for (; *tokens != NULL; tokens++)
    if (strlen (*tokens) == (gsize) (end - start) && memcmp (*tokens, start, end - start) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
value_is_valid (const AttributeRule *rule,
                const char          *start,
                const char          *end)
{
  switch (rule->type)
    {
    case VALUE_TEXT:
      return TRUE;
    case VALUE_ID:
      return is_id (start, end);
    case VALUE_COLOR:
      return is_color (start, end);
    case VALUE_LANGUAGE:
      return is_language (start, end);
    case VALUE_INTEGER:
      return is_integer (start, end, FALSE);
    case VALUE_POSITIVE_INTEGER:
      return is_integer (start, end, TRUE);
    case VALUE_TOKEN:
      return is_token (start, end, rule->tokens);
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Problems */

void
waymark_format_grammar_init (WaymarkFormatGrammar *grammar,
                             WaymarkFormatChecker *checker)
{
  grammar->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) waymark_problem_free);
  grammar->checker = checker;
  grammar->valid = TRUE;
  grammar->version = 0;
}

void
waymark_format_grammar_clear (WaymarkFormatGrammar *grammar)
{
  g_clear_pointer (&grammar->problems, g_ptr_array_unref);
}

G_GNUC_PRINTF (3, 4)
static void
refuse (WaymarkFormatGrammar *grammar,
        long                  line,
        const char           *format,
        ...)
{
  va_list args;

  grammar->valid = FALSE;
  if (grammar->problems->len >= WAYMARK_FORMAT_MAX_PROBLEMS)
    return;
  va_start (args, format);
  g_ptr_array_add (grammar->problems,
                   waymark_format_problem_new (grammar->checker, line, 1,
                                               WAYMARK_FORMAT_ERROR_SCHEMA,
                                               g_strdup_vprintf (format, args)));
  va_end (args);
}

/* "<ambition>, <description>, <phases>…": the children in their order, a
 * repeated one marked. */
static char *
dup_children_list (WaymarkFormatElement parent)
{
  GString *list = g_string_new (NULL);

  for (const ChildRule *child = rules[parent].children; child->element; child++)
    g_string_append_printf (list, "%s<%s>%s", list->len > 0 ? ", " : "",
                            rules[child->element].name, child->repeats ? "…" : "");
  return g_string_free (list, FALSE);
}

/* A name from the file, for a message: valid UTF-8 (the parser made sure
 * of it), with its prefix's namespace when not ours. */
static char *
dup_element_name (const xmlChar *localname,
                  const xmlChar *uri)
{
  if (uri != NULL && !xmlStrEqual (uri, NS))
    return g_strdup_printf ("%s (in the namespace %s)", (const char *) localname,
                            (const char *) uri);
  if (uri == NULL)
    return g_strdup_printf ("%s (in no namespace)", (const char *) localname);
  return g_strdup ((const char *) localname);
}

gboolean
waymark_format_grammar_root (WaymarkFormatGrammar *grammar,
                             const xmlChar        *localname,
                             const xmlChar        *uri)
{
  /* Refused by check_root() in the reader, with its own message. */
  if (!xmlStrEqual (localname, (const xmlChar *) "waymark") || !xmlStrEqual (uri, NS))
    {
      grammar->valid = FALSE;
      return FALSE;
    }
  return TRUE;
}

WaymarkFormatElement
waymark_format_grammar_child (WaymarkFormatGrammar *grammar,
                              WaymarkFormatElement  parent,
                              guint                *position,
                              const xmlChar        *localname,
                              const xmlChar        *uri,
                              long                  line)
{
  const ChildRule *children = rules[parent].children;
  g_autofree char *name = NULL;
  g_autofree char *list = NULL;
  gboolean ours = uri != NULL && xmlStrEqual (uri, NS);

  for (guint i = *position; ours && children[i].element; i++)
    if (strcmp ((const char *) localname, rules[children[i].element].name) == 0)
      {
        *position = children[i].repeats ? i : i + 1;
        /* What version 2 added (the schema's define "versions"): the
         * reader explains it at the element (check_version ()). */
        if ((children[i].element == WAYMARK_FORMAT_ELEMENT_DOMAINS ||
             children[i].element == WAYMARK_FORMAT_ELEMENT_RECOMMENDATIONS) &&
            grammar->version < 2)
          grammar->valid = FALSE;
        /* And what version 3 added, the same way. */
        if (children[i].element == WAYMARK_FORMAT_ELEMENT_PROFILE && grammar->version < 3)
          grammar->valid = FALSE;
        return children[i].element;
      }

  name = dup_element_name (localname, uri);
  if (rules[parent].content == CONTENT_TEXT || rules[parent].content == CONTENT_TIMESTAMP)
    {
      refuse (grammar, line, _("<%s> holds text only, not the element <%s>"), rules[parent].name,
              name);
      return WAYMARK_FORMAT_ELEMENT_NONE;
    }
  if (rules[parent].content == CONTENT_EMPTY)
    {
      refuse (grammar, line, _("<%s> holds nothing, not the element <%s>"), rules[parent].name,
              name);
      return WAYMARK_FORMAT_ELEMENT_NONE;
    }

  list = dup_children_list (parent);
  /* A child of this parent, but earlier in its order or once too many. */
  for (guint i = 0; ours && i < *position; i++)
    if (strcmp ((const char *) localname, rules[children[i].element].name) == 0)
      {
        /* TRANSLATORS: the last %s lists the elements in their order, "<title>, <author>, …" */
        refuse (grammar, line, _("<%s> is out of order or repeated in <%s> (the order is %s)"),
                name, rules[parent].name, list);
        return children[i].element;
      }
  /* TRANSLATORS: the last %s lists the elements, "<title>, <author>, …" */
  refuse (grammar, line, _("<%s> does not belong in <%s> (it holds %s)"), name,
          rules[parent].name, list);
  return WAYMARK_FORMAT_ELEMENT_NONE;
}

static const AttributeRule *
find_attribute_rule (WaymarkFormatElement  element,
                     const xmlChar        *name)
{
  for (const AttributeRule *rule = rules[element].attributes; rule->type != (ValueType) -1; rule++)
    if (strcmp ((const char *) name, attribute_names[rule->attribute]) == 0)
      return rule;
  return NULL;
}

static void
refuse_value (WaymarkFormatGrammar *grammar,
              WaymarkFormatElement  element,
              const AttributeRule  *rule,
              const char           *value,
              long                  line)
{
  const char *name = attribute_names[rule->attribute];
  g_autofree char *tokens = NULL;

  switch (rule->type)
    {
    case VALUE_ID:
      refuse (grammar, line, _("%s “%s” on <%s> is not an id (letters, digits, “-”, “_” and “.”)"),
              name, value, rules[element].name);
      break;
    case VALUE_COLOR:
      refuse (grammar, line, _("%s “%s” on <%s> is not a colour of the form #rrggbb"), name,
              value, rules[element].name);
      break;
    case VALUE_LANGUAGE:
      refuse (grammar, line, _("%s “%s” on <%s> is not a language tag such as “nl” or “en-GB”"),
              name, value, rules[element].name);
      break;
    case VALUE_INTEGER:
      refuse (grammar, line, _("%s “%s” on <%s> is not a whole number"), name, value,
              rules[element].name);
      break;
    case VALUE_POSITIVE_INTEGER:
      refuse (grammar, line, _("%s “%s” on <%s> is not a whole number above 0"), name, value,
              rules[element].name);
      break;
    case VALUE_TOKEN:
      tokens = g_strjoinv (", ", (char **) rule->tokens);
      /* TRANSLATORS: the last %s lists the values, "open, in-progress, done, dropped" */
      refuse (grammar, line, _("%s “%s” on <%s> is not one of %s"), name, value,
              rules[element].name, tokens);
      break;
    case VALUE_TEXT:
    default:
      break;
    }
}

void
waymark_format_grammar_attributes (WaymarkFormatGrammar  *grammar,
                                   WaymarkFormatElement   element,
                                   int                    n_attributes,
                                   const xmlChar        **attributes,
                                   WaymarkFormatValue    *values,
                                   long                   line)
{
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + i * 5;
      const char *start = (const char *) attribute[3];
      const char *end = (const char *) attribute[4];
      const AttributeRule *rule = attribute[2] == NULL ? find_attribute_rule (element,
                                                                              attribute[0])
                                                       : NULL;

      if (rule == NULL)
        {
          if (attribute[1] != NULL)
            refuse (grammar, line, _("<%s> has no attribute “%s:%s”"), rules[element].name,
                    (const char *) attribute[1], (const char *) attribute[0]);
          else
            refuse (grammar, line, _("<%s> has no attribute “%s”"), rules[element].name,
                    (const char *) attribute[0]);
          continue;
        }
      values[rule->attribute].start = start;
      values[rule->attribute].end = end;
      if (!value_is_valid (rule, start, end))
        {
          g_autofree char *value = waymark_format_value_dup (&values[rule->attribute]);

          refuse_value (grammar, element, rule, value, line);
        }
      else if (rule->attribute == WAYMARK_FORMAT_ATTRIBUTE_VERSION)
        grammar->version = is_token (start, end, versions + 2) ? 3
                           : is_token (start, end, versions + 1) ? 2 : 1;
    }

  for (const AttributeRule *rule = rules[element].attributes; rule->type != (ValueType) -1; rule++)
    if (rule->required && values[rule->attribute].start == NULL)
      refuse (grammar, line, _("<%s> lacks the “%s” attribute"), rules[element].name,
              attribute_names[rule->attribute]);
}

gboolean
waymark_format_grammar_check_text (WaymarkFormatGrammar *grammar,
                                   WaymarkFormatElement  element,
                                   const char           *text,
                                   gsize                 length,
                                   long                  line)
{
  for (gsize i = 0; i < length; i++)
    if (!is_blank (text[i]))
      {
        /* The line of the first character that is not blank: the
         * parser's line is where the text ends. */
        for (gsize j = i; j < length; j++)
          line -= text[j] == '\n';
        if (rules[element].content == CONTENT_EMPTY)
          refuse (grammar, line, _("<%s> holds nothing, not text"), rules[element].name);
        else
          refuse (grammar, line, _("<%s> holds elements, not text"), rules[element].name);
        return FALSE;
      }
  return TRUE;
}

void
waymark_format_grammar_end_text (WaymarkFormatGrammar *grammar,
                                 WaymarkFormatElement  element,
                                 const char           *text,
                                 long                  line)
{
  if (rules[element].content == CONTENT_TIMESTAMP && !is_timestamp (text, text + strlen (text)))
    refuse (grammar, line, _("“%s” is not a date and time like 2026-11-29T10:00:00Z"), text);
}
