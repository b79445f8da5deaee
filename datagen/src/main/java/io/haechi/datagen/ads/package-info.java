/** The ad-event (DSP impression) generator of ad-events.md: fact {@code ad_event} and its lookup tables. */
package io.haechi.datagen.ads;
