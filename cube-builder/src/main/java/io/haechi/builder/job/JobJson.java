package io.haechi.builder.job;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/** Jobs as JSON documents (kind {@code job}, schema version 1). */
final class JobJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JobJson() {
    }

    static String write(Job job) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("kind", "job");
        n.put("schemaVersion", 1);
        n.put("id", job.id());
        n.put("type", job.type());
        n.put("project", job.project());
        n.put("target", job.target());
        ObjectNode params = n.putObject("params");
        new TreeMap<>(job.params()).forEach(params::put);
        n.put("state", job.state().name());
        n.put("createdAt", job.createdAt().toString());
        if (job.runnerPid().isPresent()) {
            n.put("runnerPid", job.runnerPid().getAsLong());
        }
        ArrayNode steps = n.putArray("steps");
        for (StepRecord s : job.steps()) {
            ObjectNode sn = steps.addObject();
            sn.put("name", s.name());
            sn.put("state", s.state().name());
            s.startedAt().ifPresent(t -> sn.put("startedAt", t.toString()));
            s.endedAt().ifPresent(t -> sn.put("endedAt", t.toString()));
            sn.put("progress", s.progress());
            sn.put("message", s.message());
        }
        try {
            return MAPPER.writeValueAsString(n);
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot write job " + job.id(), e);
        }
    }

    static Job read(String json, String source) {
        try {
            JsonNode n = MAPPER.readTree(json);
            if (n.path("schemaVersion").asInt() != 1) {
                throw new HaechiException(ErrorCode.UNSUPPORTED_SCHEMA_VERSION,
                        source + ": job schemaVersion " + n.path("schemaVersion") + " is not 1");
            }
            Map<String, String> params = new TreeMap<>();
            n.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            List<StepRecord> steps = new ArrayList<>();
            for (JsonNode s : n.path("steps")) {
                steps.add(new StepRecord(s.path("name").asText(), JobState.valueOf(s.path("state").asText()),
                        instant(s, "startedAt"), instant(s, "endedAt"), s.path("progress").asDouble(),
                        s.path("message").asText("")));
            }
            return new Job(n.path("id").asText(), n.path("type").asText(), n.path("project").asText(),
                    n.path("target").asText(), params, JobState.valueOf(n.path("state").asText()), steps,
                    Instant.parse(n.path("createdAt").asText()),
                    n.has("runnerPid") ? OptionalLong.of(n.get("runnerPid").asLong()) : OptionalLong.empty());
        } catch (IOException | RuntimeException e) {
            if (e instanceof HaechiException he) {
                throw he;
            }
            throw new HaechiException(ErrorCode.INVALID_JSON, source + ": not a valid job document: " + e, e);
        }
    }

    private static Optional<Instant> instant(JsonNode n, String field) {
        return n.hasNonNull(field) ? Optional.of(Instant.parse(n.get(field).asText())) : Optional.empty();
    }
}
