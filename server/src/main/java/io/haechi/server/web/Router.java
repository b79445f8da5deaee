package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The API's routes: a method and a path template ({@code /api/projects/{project}/cubes/{cube}}) per endpoint. A path
 * matches the template with the most literal segments first, so {@code POST .../cubes/validate} is not the cube
 * named "validate". An unknown path is a 404, a known path with another method a 405.
 */
final class Router {
    /** One endpoint's work. */
    @FunctionalInterface
    interface Endpoint {
        ApiResponse handle(ApiRequest request) throws Exception;
    }

    record Route(String method, String template, Endpoint endpoint) {
        Route {
            requireNonNull(method, "method is null");
            requireNonNull(template, "template is null");
            requireNonNull(endpoint, "endpoint is null");
        }

        List<String> segments() {
            return split(template);
        }

        long literals() {
            return segments().stream().filter(s -> !s.startsWith("{")).count();
        }
    }

    /** A route and the values of its path parameters. */
    record Match(Route route, Map<String, String> parameters) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Endpoint endpoint) {
        Route route = new Route(method, template, endpoint);
        for (Route r : routes) {
            if (r.method().equals(method) && r.segments().size() == route.segments().size()
                    && sameShape(r.segments(), route.segments())) {
                throw new IllegalArgumentException("route " + method + " " + template + " repeats " + r.template());
            }
        }
        routes.add(route);
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** The route for a request, or a 404 / 405 HttpFailure. */
    Match find(String method, List<String> pathSegments) {
        Match best = null;
        TreeSet<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Optional<Map<String, String>> params = match(r.segments(), pathSegments);
            if (params.isEmpty()) {
                continue;
            }
            if (!r.method().equals(method)) {
                allowed.add(r.method());
                continue;
            }
            if (best == null || r.literals() > best.route().literals()) {
                best = new Match(r, params.get());
            }
        }
        if (best != null) {
            return best;
        }
        String path = "/" + String.join("/", pathSegments);
        if (!allowed.isEmpty()) {
            throw new HttpFailure(405, null, method + " is not supported on " + path + "; use " + String.join(", ",
                    allowed));
        }
        throw new HttpFailure(404, null, "there is no API endpoint " + path + " (GET /api/openapi.json lists them)");
    }

    private static Optional<Map<String, String>> match(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (path.get(i).isEmpty()) {
                    return Optional.empty();
                }
                params.put(t.substring(1, t.length() - 1), path.get(i));
            } else if (!t.equals(path.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static boolean sameShape(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            boolean pa = a.get(i).startsWith("{");
            boolean pb = b.get(i).startsWith("{");
            if (pa != pb || (!pa && !a.get(i).equals(b.get(i)))) {
                return false;
            }
        }
        return true;
    }

    static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            out.add(s);
        }
        if (!out.isEmpty() && out.get(0).isEmpty()) {
            out.remove(0);
        }
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }
}
