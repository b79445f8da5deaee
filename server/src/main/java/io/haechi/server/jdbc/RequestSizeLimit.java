package io.haechi.server.jdbc;

import java.io.IOException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Refuses HTTP requests whose declared body is larger than the limit (HTTP 413) before Avatica reads the whole body
 * into memory. Avatica's client always declares the length.
 */
final class RequestSizeLimit extends HandlerWrapper {
    private final long maxBytes;

    RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public void handle(String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
            throws IOException, javax.servlet.ServletException {
        if (request.getContentLengthLong() > maxBytes) {
            baseRequest.setHandled(true);
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                    "request body over " + maxBytes + " bytes (setting haechi.jdbc.max.request.bytes)");
            return;
        }
        super.handle(target, baseRequest, request, response);
    }
}
