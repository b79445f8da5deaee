/** What a built segment stores beside its cuboids: the per-segment dimension encodings a query decodes with. */
package io.haechi.model.segment;
