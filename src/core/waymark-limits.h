/* waymark-limits.h: how big a document may be
 *
 * Copyright 2026 The Waymark authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Limits that a real study never comes near (a large one has a dozen
 * personas, a few dozen phases and lanes, a few thousand cards of a few
 * lines each) and that a hostile file cannot exceed without a clear error.
 * The loader counts them while it parses (waymark-format-limits.c), so it
 * stops before a tree of millions of elements is ever built. The CSV importer
 * and the paste refuse a table or cards that would pass them, and the
 * model's edit functions refuse edits beyond them. docs/safety.md
 * lists them with the memory budget they keep a load within;
 * tests/test-limits.c checks both sides of each and the budget.
 *
 * The file size cap is WAYMARK_FORMAT_MAX_FILE_SIZE (waymark-format.h).
 */
#pragma once

/* Bytes of one text: a card's text or evidence, a description, a name,
 * any attribute value. 64 KiB is some 10,000 words, on one sticky note;
 * the same as the CSV importer's field limit (WAYMARK_CSV_MAX_FIELD_LENGTH),
 * so that whatever loads also survives a CSV export and import. */
#define WAYMARK_LIMIT_TEXT_LENGTH   (64 * 1024)

#define WAYMARK_LIMIT_PERSONAS      1000
/* Per persona. Matches the longest card span (WAYMARK_FORMAT_MAX_SPAN). */
#define WAYMARK_LIMIT_PHASES        1000
#define WAYMARK_LIMIT_LANES         1000
/* In the whole document. */
#define WAYMARK_LIMIT_CARDS         50000
#define WAYMARK_LIMIT_TAGS          10000
/* Recommendations and their domains, in the whole document (a study has
 * a few dozen recommendations in a handful of domains), and the cards one
 * recommendation addresses (a dozen, for one that spans every persona). */
#define WAYMARK_LIMIT_DOMAINS         1000
#define WAYMARK_LIMIT_RECOMMENDATIONS 10000
#define WAYMARK_LIMIT_LINKS           1000

/* The goals, needs, frustrations and facts of one persona's profile,
 * together (a real profile has a handful of each). */
#define WAYMARK_LIMIT_PROFILE_ITEMS   1000

/* Elements in the file, of any name, and how deeply they nest. The format
 * itself nests five deep (waymark, persona, cards, card, text); a
 * recommendation's title or link is four deep. */
#define WAYMARK_LIMIT_ELEMENTS      1000000
#define WAYMARK_LIMIT_DEPTH         16

/* Attributes on one element, namespace declarations included, and the
 * namespace declarations in scope at any element. The format's most is
 * six (a lane's) and one declaration. libxml2 takes time that grows with
 * the square of either and cannot bound them itself, so they are counted
 * in the bytes before it parses (waymark-format-scan.c). */
#define WAYMARK_LIMIT_ATTRIBUTES    64
#define WAYMARK_LIMIT_NAMESPACES    64
