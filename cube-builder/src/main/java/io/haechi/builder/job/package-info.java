/**
 * The resumable job engine: a job is an ordered list of idempotent steps whose states are persisted after every
 * transition, so a job killed with {@code kill -9} resumes from its last finished step.
 */
package io.haechi.builder.job;
