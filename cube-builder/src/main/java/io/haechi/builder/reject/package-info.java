/** Counting and sampling rejected input rows by reason, and the threshold that fails a build. */
package io.haechi.builder.reject;
