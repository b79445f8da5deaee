/** The validation facade: one call checks a model or a cube and reports issues and cuboid counts. */
package io.haechi.model.validate;
