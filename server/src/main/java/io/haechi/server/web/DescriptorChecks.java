package io.haechi.server.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.haechi.model.ValidationIssue;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidationReport;
import io.haechi.model.validate.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Reading a descriptor from a request body and checking it against what its project holds, with every problem's
 * field path relative to the body (what the wizard shows next to the field).
 */
final class DescriptorChecks {
    static final String BODY = "request body";

    private final Validator validator = new Validator();

    /** The body as one document of {@code kind}; anything else is a 400 naming the field. */
    Descriptor read(ApiRequest request, String kind) {
        requireKind(request, kind);
        return JsonDescriptors.readAll(request.bodyText(), BODY).get(0);
    }

    /** A draft being checked: its document, or the report of what stopped reading it. */
    record Draft(Optional<Descriptor> document, ValidationReport unreadable) {
    }

    /**
     * For a draft being checked: the document, or the problem that stopped reading it (an unfinished expression, a
     * bad encoding, a missing field; reading stops at the first) as an invalid report with its field path, so that a
     * draft is answered like any invalid document. A body that is not a JSON object of {@code kind} is still a 400.
     */
    Draft readDraft(ApiRequest request, String kind) {
        requireKind(request, kind);
        try {
            return new Draft(Optional.of(JsonDescriptors.readAll(request.bodyText(), BODY).get(0)), null);
        } catch (HaechiException e) {
            JsonNode name = request.json().get("name");
            String subject = kind + (name != null && name.isTextual() ? " '" + name.textValue() + "'" : "");
            List<ValidationIssue> issues = e.issues().isEmpty()
                    ? List.of(new ValidationIssue("", e.getMessage(), e.errorCode())) : e.issues();
            return new Draft(Optional.empty(), new ValidationReport(subject, issues, List.of(),
                    OptionalLong.empty()));
        }
    }

    private static void requireKind(ApiRequest request, String kind) {
        JsonNode node = request.json();
        if (!node.isObject()) {
            throw ApiRequest.invalid("", "the body must be one " + kind + " document (a JSON object)");
        }
        JsonNode k = node.get("kind");
        if (k == null || !k.isTextual() || !k.textValue().equals(kind)) {
            throw ApiRequest.invalid("kind", "'kind' must be \"" + kind + "\", got " + (k == null ? "nothing"
                    : k.toString()));
        }
    }

    /** The validator's cuboid cap per aggregation group. */
    long cuboidCap() {
        return io.haechi.model.lattice.CuboidPlanner.DEFAULT_CAP;
    }

    Validator validator() {
        return validator;
    }

    /**
     * Checks a model or cube against the project's tables and models (a table only by its own rules, which reading
     * it applied). A cube whose model the project lacks is one issue on {@code model}.
     */
    ValidationReport check(Catalog catalog, String project, Descriptor d) {
        Map<String, TableDesc> tables = new TreeMap<>();
        for (Versioned<TableDesc> t : catalog.tables(project)) {
            tables.put(t.value().name(), t.value());
        }
        if (d instanceof Descriptor.Table t) {
            return new ValidationReport("table '" + t.name() + "'", List.of(), List.of(), OptionalLong.empty());
        }
        if (d instanceof Descriptor.Model m) {
            return validator.validateModel(m.model(), tables.values());
        }
        Descriptor.Cube c = (Descriptor.Cube) d;
        ModelDesc model = catalog.model(project, c.cube().model()).map(Versioned::value).orElse(null);
        if (model == null) {
            String message = "project '" + project + "' has no model '" + c.cube().model() + "'; its models: "
                    + catalog.models(project).stream().map(v -> v.value().name()).toList();
            return new ValidationReport("cube '" + c.name() + "'", List.of(new ValidationIssue("model", message,
                    ErrorCode.INVALID_DESCRIPTOR)), List.of(), OptionalLong.empty());
        }
        return validator.validateCube(c.cube(), model, tables.values());
    }

    /** Throws a 400 (the first issue's code) listing the report's issues unless it is valid. */
    static void requireValid(ValidationReport report) {
        if (!report.isValid()) {
            List<ValidationIssue> issues = new ArrayList<>(report.issues());
            StringBuilder sb = new StringBuilder(report.subject()).append(" is invalid (").append(issues.size())
                    .append(issues.size() == 1 ? " problem)" : " problems)");
            for (ValidationIssue i : issues) {
                sb.append("; ").append(i);
            }
            throw new HaechiException(issues.get(0).code(), sb.toString(), issues);
        }
    }
}
