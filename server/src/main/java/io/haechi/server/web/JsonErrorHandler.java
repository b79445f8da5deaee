package io.haechi.server.web;

import io.haechi.model.error.ErrorCode;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Optional;
import javax.servlet.RequestDispatcher;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * The errors Jetty answers itself (401 and 403 of the authentication, a malformed request) in the API's Error shape
 * instead of Jetty's HTML page, without a stack or server version.
 */
final class JsonErrorHandler extends ErrorHandler {
    JsonErrorHandler() {
        setShowStacks(false);
        setShowServlet(false);
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        base.setHandled(true);
        int status = response.getStatus();
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        String text = switch (status) {
            case 401 -> "credentials needed: log in with a user of the role " + WebServer.ROLE
                    + " (HTTP BASIC)";
            case 403 -> "this user may not use the server (it lacks the role " + WebServer.ROLE + ")";
            default -> message == null ? "the request failed" : message.toString();
        };
        Optional<ErrorCode> code = status == 401 || status == 403 ? Optional.of(ErrorCode.AUTHENTICATION_FAILED)
                : Optional.empty();
        byte[] body = ApiJson.MAPPER.writeValueAsBytes(ApiErrors.body(status, code, text, List.of()));
        response.setContentType("application/json; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }
}
