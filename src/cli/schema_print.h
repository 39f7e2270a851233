/* schema_print.h — `kumihan schema content|layout`: prints the JSON Schema
 * of content or layout files (schema_write.h), the one schemas/ holds. */
#ifndef KUMIHAN_SCHEMA_PRINT_H
#define KUMIHAN_SCHEMA_PRINT_H

#include <stdio.h>

/* Writes the schema named `which` ("content" or "layout") to out; the
 * exit status: 0, 1 when out cannot be written (or the layout schema
 * lacks a section), 2 with a usage message on err for another name. */
int schema_print(const char *which, FILE *out, FILE *err);

#endif
