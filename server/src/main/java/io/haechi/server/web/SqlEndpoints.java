package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.sql.SqlLimits;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * SQL over a project's cubes: run a query with a row limit, or explain it; both say which cube and cuboid served it
 * (from the plan), or why none could, and how long it took.
 */
final class SqlEndpoints {
    private static final String MISS_PREFIX = "no cube can answer this query: ";

    private final WebServices services;
    private final SqlLimits limits;

    SqlEndpoints(WebServices services) {
        this.services = requireNonNull(services, "services is null");
        this.limits = SqlLimits.from(services.context().settings());
    }

    void register(Router router) {
        router.add("POST", "/api/projects/{project}/sql", this::run);
        router.add("POST", "/api/projects/{project}/explain", this::explain);
    }

    private record Plan(String text, PlanSummary summary, List<String> missReasons, double millis) {
    }

    private String sql(ObjectNode body) {
        String sql = ApiRequest.requiredText(body, "sql");
        try {
            limits.check(sql);
        } catch (HaechiException e) {
            throw new HaechiException(e.errorCode(), e.getMessage(), List.of(new io.haechi.model.ValidationIssue(
                    "sql", e.getMessage(), e.errorCode())));
        }
        return sql.strip().replaceAll(";\\s*$", "");
    }

    /** Plans the query with EXPLAIN; a miss is returned as reasons, any other failure is thrown. */
    private Plan plan(Connection c, String sql) throws SQLException {
        long start = System.nanoTime();
        StringBuilder text = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("explain plan for " + sql)) {
            while (rs.next()) {
                text.append(rs.getString(1));
            }
        } catch (SQLException | RuntimeException e) {
            HaechiException miss = noRealization(e);
            if (miss == null) {
                throw e;
            }
            String message = miss.getMessage();
            String reasons = message.startsWith(MISS_PREFIX) ? message.substring(MISS_PREFIX.length()) : message;
            return new Plan("", PlanSummary.parse(""), Arrays.asList(reasons.split("; ")), millis(start));
        }
        String plan = text.toString().strip();
        return new Plan(plan, PlanSummary.parse(plan), List.of(), millis(start));
    }

    private static HaechiException noRealization(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HaechiException h && h.errorCode() == ErrorCode.NO_REALIZATION) {
                return h;
            }
        }
        return null;
    }

    private ApiResponse explain(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        String sql = sql(request.object(Set.of("sql")));
        long start = System.nanoTime();
        try (Connection c = services.context().engine().connect(project, new Properties())) {
            Plan plan = plan(c, sql);
            ObjectNode out = ApiJson.NODES.objectNode();
            out.put("plan", plan.text());
            out.set("realization", plan.summary().realization(plan.missReasons()));
            out.set("timing", timing(plan.millis(), 0, millis(start)));
            return ApiResponse.ok(out);
        } catch (SQLException | RuntimeException e) {
            throw sqlFailure(e);
        }
    }

    private ApiResponse run(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        ObjectNode body = request.object(Set.of("sql", "limit"));
        String sql = sql(body);
        int limit = ApiRequest.integer(body, "limit", 1, 100_000).orElse(1000);
        long start = System.nanoTime();
        try (Connection c = services.context().engine().connect(project, new Properties())) {
            Plan plan = plan(c, sql);
            if (!plan.missReasons().isEmpty()) {
                throw new HaechiException(ErrorCode.NO_REALIZATION, MISS_PREFIX + String.join("; ",
                        plan.missReasons()));
            }
            long executeStart = System.nanoTime();
            ObjectNode out = ApiJson.NODES.objectNode();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                ArrayNode columns = out.putArray("columns");
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.addObject().put("name", md.getColumnLabel(i)).put("type", md.getColumnTypeName(i))
                            .put("jdbcType", md.getColumnType(i));
                }
                ArrayNode rows = out.putArray("rows");
                boolean truncated = false;
                while (rs.next()) {
                    if (rows.size() == limit) {
                        truncated = true;
                        break;
                    }
                    ArrayNode row = rows.addArray();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        row.addPOJO(ApiJson.value(rs.getObject(i)));
                    }
                }
                out.put("rowCount", rows.size());
                out.put("truncated", truncated);
                out.put("limit", limit);
            }
            double execute = millis(executeStart);
            out.set("realization", plan.summary().realization(List.of()));
            out.set("timing", timing(plan.millis(), execute, millis(start)));
            return ApiResponse.ok(out);
        } catch (SQLException | RuntimeException e) {
            throw sqlFailure(e);
        }
    }

    /** A failure of SQL work as the Error body with its SQLState (the JDBC endpoint's mapping). */
    private static RuntimeException sqlFailure(Exception e) {
        if (e instanceof HaechiException h && h.errorCode() != ErrorCode.NO_REALIZATION && !h.issues().isEmpty()) {
            return h;
        }
        return new SqlFailure(e);
    }

    /** Carries an SQL failure to the handler, which answers it through {@link ApiErrors#sql}. */
    static final class SqlFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SqlFailure(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }

    private static ObjectNode timing(double plan, double execute, double total) {
        ObjectNode t = ApiJson.NODES.objectNode();
        t.put("planMs", round(plan));
        t.put("executeMs", round(execute));
        t.put("totalMs", round(total));
        return t;
    }

    private static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }

    private static double millis(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }
}
