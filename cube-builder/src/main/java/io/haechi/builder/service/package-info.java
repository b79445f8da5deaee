/** Builds as users start them: a segment registered in the catalog, a persisted job, resume and discard. */
package io.haechi.builder.service;
