package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@code /api/...}: reads the request (a JSON body of at most the configured size), finds its route, runs the
 * endpoint and writes its answer as JSON; any failure becomes an Error body through {@link ApiErrors}. Server-side
 * failures (5xx) are logged with their stack; the client gets one message.
 */
final class ApiHandler extends AbstractHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final Router router;
    private final long maxBodyBytes;

    ApiHandler(Router router, long maxBodyBytes) {
        this.router = requireNonNull(router, "router is null");
        this.maxBodyBytes = maxBodyBytes;
    }

    static boolean isApiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!isApiPath(target)) {
            return;
        }
        base.setHandled(true);
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        ApiResponse answer;
        try {
            List<String> segments = decodedSegments(request.getRequestURI());
            Router.Match match = router.find(method, segments);
            byte[] body = readBody(request, method);
            ApiRequest api = new ApiRequest(method, "/" + String.join("/", segments), match.parameters(),
                    queryParameters(request.getQueryString()), headers(request), body);
            answer = match.route().endpoint().handle(api);
        } catch (Exception | StackOverflowError e) {
            ApiErrors.Answer error = ApiErrors.of(e);
            if (error.status() >= 500) {
                LOG.error("{} {} failed", method, request.getRequestURI(), e);
            }
            answer = new ApiResponse(error.status(), error.body(), Map.of());
        }
        write(response, answer, method.equals("HEAD"));
    }

    private static void write(HttpServletResponse response, ApiResponse answer, boolean head) throws IOException {
        response.setStatus(answer.status());
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        answer.headers().forEach(response::setHeader);
        if (answer.status() == 204 || answer.body() == null) {
            return;
        }
        byte[] bytes = ApiJson.MAPPER.writeValueAsBytes(answer.body());
        response.setContentType("application/json; charset=utf-8");
        response.setContentLength(bytes.length);
        if (!head) {
            try (OutputStream out = response.getOutputStream()) {
                out.write(bytes);
            }
        }
    }

    private byte[] readBody(HttpServletRequest request, String method) throws IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw new HttpFailure(413, ErrorCode.PROTOCOL_VIOLATION, "the request body has " + declared
                    + " bytes; the limit is " + maxBodyBytes + " (setting haechi.web.max.request.bytes)");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = request.getInputStream()) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > maxBodyBytes) {
                    throw new HttpFailure(413, ErrorCode.PROTOCOL_VIOLATION, "the request body is larger than the "
                            + "limit of " + maxBodyBytes + " bytes (setting haechi.web.max.request.bytes)");
                }
            }
        }
        byte[] body = out.toByteArray();
        if (body.length > 0 && !isJson(request.getContentType())) {
            throw new HttpFailure(415, ErrorCode.PROTOCOL_VIOLATION, method + " bodies must be JSON (Content-Type: "
                    + "application/json), got " + (request.getContentType() == null ? "no Content-Type"
                    : request.getContentType()));
        }
        return body;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || (type.startsWith("application/") && type.endsWith("+json"));
    }

    /** The path's segments, each percent-decoded on its own (so an encoded '/' stays inside its segment). */
    static List<String> decodedSegments(String rawPath) {
        List<String> out = new ArrayList<>();
        for (String s : Router.split(rawPath)) {
            String decoded = decode(s.replace("+", "%2B"));
            if (decoded.equals(".") || decoded.equals("..")) {
                throw new HttpFailure(400, ErrorCode.PROTOCOL_VIOLATION, "a path segment may not be '.' or '..'");
            }
            if (decoded.length() > 256 || decoded.chars().anyMatch(Character::isISOControl)) {
                throw new HttpFailure(400, ErrorCode.PROTOCOL_VIOLATION, "a path segment must have at most 256 "
                        + "characters and no control characters");
            }
            out.add(decoded);
        }
        return out;
    }

    static Map<String, List<String>> queryParameters(String query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) {
            return out;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new HttpFailure(400, ErrorCode.PROTOCOL_VIOLATION, "malformed percent-encoding in the URL: "
                    + e.getMessage());
        }
    }

    private static Map<String, String> headers(HttpServletRequest request) {
        Map<String, String> out = new HashMap<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            out.put(name.toLowerCase(Locale.ROOT), request.getHeader(name));
        }
        return out;
    }
}
