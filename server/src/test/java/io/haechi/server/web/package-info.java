/** Tests of the web endpoint's parts: static files, routing. */
package io.haechi.server.web;
