/** The one user-facing exception type of Haechi and its stable error codes. */
package io.haechi.model.error;
