package io.haechi.server.web;

import io.haechi.model.error.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Refuses what a browser could be tricked into sending, before any handler runs:
 * <ul>
 *   <li>on a loopback-bound server, a {@code Host} other than localhost, 127.x.x.x or [::1] (a DNS-rebinding page
 *   whose name resolves to 127.0.0.1 must not reach the API);</li>
 *   <li>a state-changing request (anything but GET and HEAD) whose {@code Origin} is not this server, or that the
 *   browser marks {@code Sec-Fetch-Site: cross-site} (a page elsewhere posting to the API).</li>
 * </ul>
 * Together with JSON-only bodies and no CORS headers, another site can neither read nor change anything.
 */
final class RequestGuard extends HandlerWrapper {
    private final boolean loopbackOnly;

    RequestGuard(boolean loopbackOnly) {
        this.loopbackOnly = loopbackOnly;
    }

    @Override
    public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        Optional<String> refusal = refusal(request);
        if (refusal.isPresent()) {
            base.setHandled(true);
            response.setStatus(403);
            response.setContentType("application/json; charset=utf-8");
            response.setHeader("Cache-Control", "no-store");
            response.getOutputStream().write(ApiJson.MAPPER.writeValueAsBytes(ApiErrors.body(403,
                    Optional.of(ErrorCode.PROTOCOL_VIOLATION), refusal.get(), java.util.List.of())));
            return;
        }
        super.handle(target, base, request, response);
    }

    private Optional<String> refusal(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (loopbackOnly && (host == null || !isLoopbackName(hostName(host)))) {
            return Optional.of("this server listens on loopback only and answers requests for localhost, "
                    + "127.0.0.1 or [::1]; Host was " + (host == null ? "missing" : "'" + host + "'"));
        }
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD")) {
            return Optional.empty();
        }
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && site.equalsIgnoreCase("cross-site")) {
            return Optional.of("cross-site " + method + " requests are refused");
        }
        String origin = request.getHeader("Origin");
        if (origin != null && !origin.equals("null") && host != null && !sameHost(origin, host)) {
            return Optional.of("a " + method + " from origin " + origin + " is refused: only this server's own "
                    + "pages may change things");
        }
        if ("null".equals(origin)) {
            return Optional.of("a " + method + " from an opaque origin is refused");
        }
        return Optional.empty();
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The host part of a Host header: {@code [::1]:8080} → {@code ::1}, {@code localhost:8080} → localhost. */
    static String hostName(String hostHeader) {
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(1, end);
        }
        int colon = h.lastIndexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    static boolean isLoopbackName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("localhost") || n.endsWith(".localhost") || n.equals("::1")
                || n.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
