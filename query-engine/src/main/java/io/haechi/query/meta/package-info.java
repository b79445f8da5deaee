/** What the query engine knows of a project at one moment: tables, models, cubes, READY segments and encodings. */
package io.haechi.query.meta;
