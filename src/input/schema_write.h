/* schema_write.h — the JSON Schemas (draft-07) of content and layout files,
 * written from the tables the loaders read them by (content_fields.h,
 * layout_fields.h), for editors that complete keys and flag mistakes as
 * the user types (`kumihan schema content|layout`; the committed copies
 * are schemas/content.schema.json and schemas/layout.schema.json).  The
 * loaders check more than a schema can say (font roles, colour names,
 * ranges of lengths with units, slips); what the schema says, they check
 * too. */
#ifndef KUMIHAN_SCHEMA_WRITE_H
#define KUMIHAN_SCHEMA_WRITE_H

/* The schema of content files, as JSON text ending in a newline.  Malloc'd. */
char *schema_content_json(void);

/* The schema of layout files, as JSON text ending in a newline, or NULL
 * when a section of layout_top_keys has no schema here (a new section
 * added to the loader must be described too).  Malloc'd. */
char *schema_layout_json(void);

#endif
