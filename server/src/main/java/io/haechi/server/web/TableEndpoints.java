package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.source.AvroSchemaInference;
import io.haechi.builder.source.RowStream;
import io.haechi.builder.source.SourceRow;
import io.haechi.builder.source.SourceScan;
import io.haechi.model.ValidationIssue;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.spi.MetadataDocument;
import io.haechi.model.spi.MetadataKey;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import io.haechi.server.runtime.HaechiContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Registering a source table (what {@code haechi table register} does: Avro columns are inferred from the files'
 * schemas; CSV tables give their columns and the location must hold CSV files) and previewing its first rows.
 */
final class TableEndpoints {
    private static final Set<String> REGISTER_FIELDS = Set.of("name", "location", "format", "columns", "dryRun");

    private final WebServices services;
    private final DescriptorEndpoints tables;

    TableEndpoints(WebServices services, DescriptorEndpoints tables) {
        this.services = requireNonNull(services, "services is null");
        this.tables = requireNonNull(tables, "tables is null");
    }

    void register(Router router) {
        router.add("POST", "/api/projects/{project}/tables", this::registerTable);
        router.add("GET", "/api/projects/{project}/tables/{table}/preview", this::preview);
    }

    private ApiResponse registerTable(ApiRequest request) {
        String project = request.param("project");
        ApiRequest.identifier("project", project, "project name");
        ObjectNode body = request.object(REGISTER_FIELDS);
        String name = ApiRequest.requiredText(body, "name");
        ApiRequest.identifier("name", name, "table name");
        String location = absolute(ApiRequest.requiredText(body, "location"));
        String format = ApiRequest.text(body, "format").orElse("avro").toLowerCase(Locale.ROOT);
        boolean dryRun = ApiRequest.bool(body, "dryRun");
        Catalog catalog = services.context().catalog();
        if (!dryRun && catalog.table(project, name).isPresent()) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "table '" + name + "' is already registered in "
                    + "project '" + project + "'; change it with PUT");
        }
        TableDesc table = switch (format) {
            case "avro" -> avro(body, name, location);
            case "csv" -> csv(body, name, location);
            default -> throw ApiRequest.invalid("format", "'format' must be avro or csv, got '" + format + "'");
        };
        if (dryRun) {
            ObjectNode view = ApiJson.NODES.objectNode();
            view.put("kind", "table");
            view.put("name", name);
            view.put("version", 0);
            view.set("descriptor", ApiJson.tree(JsonDescriptors.write(table)));
            view.putArray("usedBy");
            return ApiResponse.ok(view);
        }
        MetadataDocument created = tables.write(project, new Descriptor.Table(table), Optional.empty(), false);
        return ApiResponse.created(tables.view(project, created), "/api/projects/" + project + "/tables/" + name)
                .withVersion(created.version());
    }

    /** A local path is stored absolute (resolved against the server's directory); a URI is kept as given. */
    private static String absolute(String location) {
        if (location.contains("://") || location.startsWith("file:")) {
            return location;
        }
        try {
            return Path.of(location).toAbsolutePath().normalize().toString();
        } catch (java.nio.file.InvalidPathException e) {
            throw ApiRequest.invalid("location", "'location' is not a valid path: " + e.getMessage());
        }
    }

    private TableDesc avro(ObjectNode body, String name, String location) {
        if (body.hasNonNull("columns")) {
            throw ApiRequest.invalid("columns", "an Avro table's columns come from its files' schemas; leave out "
                    + "'columns'");
        }
        try {
            TableDesc inferred = new AvroSchemaInference(services.context().sourceFileSystems())
                    .inferTable(location, name);
            return new TableDesc(name, location, SourceFormat.AVRO, inferred.columns());
        } catch (HaechiException e) {
            throw onLocation(e);
        }
    }

    private TableDesc csv(ObjectNode body, String name, String location) {
        JsonNode columns = body.get("columns");
        if (columns == null || columns.isNull()) {
            throw ApiRequest.invalid("columns", "a CSV table needs its 'columns' ([{\"name\": ..., \"type\": ...}]): "
                    + "CSV files carry no types");
        }
        ObjectNode doc = ApiJson.NODES.objectNode();
        doc.put("kind", "table");
        doc.put("schemaVersion", JsonDescriptors.SCHEMA_VERSION);
        doc.put("name", name);
        doc.put("location", location);
        doc.put("format", "csv");
        doc.set("columns", columns);
        TableDesc table = JsonDescriptors.readTable(doc.toString(), DescriptorChecks.BODY);
        HaechiContext ctx = services.context();
        try {
            ctx.sourceReaders().forFormat(SourceFormat.CSV).splits(SourceScan.all(table));
        } catch (HaechiException e) {
            throw onLocation(e);
        }
        return table;
    }

    /** A failure of reading the location, reported on the 'location' field with its own code. */
    private static HaechiException onLocation(HaechiException e) {
        return new HaechiException(e.errorCode(), e.getMessage(), List.of(new ValidationIssue("location",
                e.getMessage(), e.errorCode())), e);
    }

    private ApiResponse preview(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        String name = request.param("table");
        int limit = request.intQuery("limit", 20, 1, 1000);
        Catalog catalog = services.context().catalog();
        TableDesc table = catalog.table(project, name).map(Versioned::value).orElseThrow(() -> new HaechiException(
                ErrorCode.METADATA_NOT_FOUND, "there is no " + new MetadataKey("table", project, name).describe()));
        RejectCollector rejects = new RejectCollector();
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("table", name);
        ArrayNode columns = out.putArray("columns");
        for (ColumnDesc c : table.columns()) {
            columns.addObject().put("name", c.name()).put("type", c.type().toString()).put("nullable", c.nullable());
        }
        ArrayNode rows = out.putArray("rows");
        boolean more = false;
        try (RowStream stream = services.context().sourceReaders().forFormat(table.format())
                .openAll(SourceScan.all(table), rejects)) {
            for (SourceRow row = stream.next(); row != null; row = stream.next()) {
                if (rows.size() == limit) {
                    more = true;
                    break;
                }
                ArrayNode r = rows.addArray();
                for (Object v : row.values()) {
                    r.addPOJO(ApiJson.value(v));
                }
            }
        }
        out.put("truncated", more);
        out.put("rejectedRows", rejects.report().rejectedRows());
        return ApiResponse.ok(out);
    }
}
