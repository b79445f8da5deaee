package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobLog;
import io.haechi.builder.job.JobState;
import io.haechi.builder.job.StepRecord;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.runtime.BuildQueue;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Builds and jobs: start a build (it runs in the server), list and inspect jobs (steps with state, progress and
 * durations, an ETA, the step graph), read their logs, resume, cancel, discard.
 */
final class JobEndpoints {
    private final WebServices services;

    JobEndpoints(WebServices services) {
        this.services = requireNonNull(services, "services is null");
    }

    void register(Router router) {
        router.add("POST", "/api/projects/{project}/cubes/{cube}/builds", this::startBuild);
        router.add("GET", "/api/jobs", this::list);
        router.add("GET", "/api/jobs/{job}", r -> ApiResponse.ok(view(job(r))));
        router.add("GET", "/api/jobs/{job}/log", r -> log(r, Optional.empty()));
        router.add("GET", "/api/jobs/{job}/steps/{step}/log", r -> log(r, Optional.of(r.param("step"))));
        router.add("POST", "/api/jobs/{job}/resume", r -> {
            Job job = builds().resume(job(r).id());
            return ApiResponse.accepted(view(job), "/api/jobs/" + job.id());
        });
        router.add("POST", "/api/jobs/{job}/cancel", r -> ApiResponse.ok(view(builds().cancel(job(r).id()))));
        router.add("POST", "/api/jobs/{job}/discard", r -> ApiResponse.ok(view(builds().discard(job(r).id()))));
    }

    private BuildQueue builds() {
        return services.builds();
    }

    private ApiResponse startBuild(ApiRequest request) {
        String project = ProjectEndpoints.require(services, request);
        String cube = request.param("cube");
        services.context().catalog().requireCube(project, cube);
        ObjectNode body = request.object(Set.of("from", "to"));
        LocalDate from = ApiRequest.date("from", ApiRequest.requiredText(body, "from"), "'from'");
        LocalDate to = ApiRequest.date("to", ApiRequest.requiredText(body, "to"), "'to'");
        if (!from.isBefore(to)) {
            throw ApiRequest.invalid("to", "'to' " + to + " must be after 'from' " + from + " (the range is [from, "
                    + "to))");
        }
        Job job = builds().start(project, cube, from, to);
        return ApiResponse.accepted(view(job), "/api/jobs/" + job.id());
    }

    private ApiResponse list(ApiRequest request) {
        Optional<String> project = request.query("project");
        Optional<String> cube = request.query("cube");
        Optional<JobState> state = request.query("state").map(s -> {
            try {
                return JobState.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiRequest.invalid("state", "query parameter 'state' must be one of "
                        + List.of(JobState.values()) + ", got '" + s + "'");
            }
        });
        int limit = request.intQuery("limit", 100, 1, 1000);
        List<String> projects;
        if (project.isPresent()) {
            services.context().catalog().requireProject(project.get());
            projects = List.of(project.get());
        } else {
            projects = services.context().catalog().projects();
        }
        List<Job> jobs = new ArrayList<>();
        for (String p : projects) {
            jobs.addAll(services.context().jobs().list(p));
        }
        jobs.sort(Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id));
        ArrayNode out = ApiJson.NODES.arrayNode();
        jobs.stream().filter(j -> cube.isEmpty() || j.target().equals(cube.get()))
                .filter(j -> state.isEmpty() || j.state() == state.get()).limit(limit)
                .forEach(j -> out.add(view(j)));
        return ApiResponse.ok(out);
    }

    private Job job(ApiRequest request) {
        String id = request.param("job");
        return services.context().jobs().get(validId(id)).orElseThrow(() -> notFound(id));
    }

    private static String validId(String id) {
        if (!id.matches("[A-Za-z0-9._-]{1,200}") || id.indexOf('.') <= 0) {
            throw notFound(id);
        }
        return id;
    }

    private static HaechiException notFound(String id) {
        return new HaechiException(ErrorCode.JOB_NOT_FOUND, "there is no job '" + id + "' (GET /api/jobs lists "
                + "them)");
    }

    private ApiResponse log(ApiRequest request, Optional<String> step) {
        Job job = job(request);
        if (step.isPresent() && job.steps().stream().noneMatch(s -> s.name().equals(step.get()))) {
            throw new HaechiException(ErrorCode.JOB_NOT_FOUND, "job " + job.id() + " has no step '" + step.get()
                    + "'; its steps: " + job.steps().stream().map(StepRecord::name).toList());
        }
        int offset = request.intQuery("offset", 0, 0, Integer.MAX_VALUE);
        List<JobLog.Line> lines = services.context().jobLog().read(job.id()).stream()
                .filter(l -> step.isEmpty() || l.step().equals(step.get())).toList();
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("job", job.id());
        step.ifPresent(s -> out.put("step", s));
        ArrayNode list = out.putArray("lines");
        for (JobLog.Line l : lines.subList(Math.min(offset, lines.size()), lines.size())) {
            list.addObject().put("time", l.time().toString()).put("step", l.step()).put("level", l.level().name())
                    .put("message", l.message());
        }
        out.put("nextOffset", lines.size());
        return ApiResponse.ok(out);
    }

    /** The Job object of the contract. */
    ObjectNode view(Job job) {
        Instant now = Instant.now();
        boolean here = builds().isHere(job.id());
        boolean orphaned = job.isOrphaned() && !here;
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("id", job.id());
        out.put("type", job.type());
        out.put("project", job.project());
        out.put("cube", job.target());
        putParam(out, job, "segment");
        putParam(out, job, "from");
        putParam(out, job, "to");
        out.put("state", job.state().name());
        out.put("queued", builds().isQueued(job.id()));
        out.put("orphaned", orphaned);
        boolean open = job.state() == JobState.PENDING || job.state() == JobState.FAILED
                || job.state() == JobState.CANCELLED;
        out.put("resumable", !here && (open || orphaned));
        out.put("discardable", !here && !job.state().isFinal() && (job.state() != JobState.RUNNING || orphaned));
        out.put("cancellable", job.state() == JobState.PENDING || job.state() == JobState.RUNNING || here);
        out.put("progress", job.progress());
        out.put("createdAt", job.createdAt().toString());
        Optional<Instant> started = job.steps().stream().flatMap(s -> s.startedAt().stream())
                .min(Comparator.naturalOrder());
        putTime(out, "startedAt", started);
        putTime(out, "endedAt", job.state().isFinal() || job.state() == JobState.FAILED
                || job.state() == JobState.CANCELLED ? job.steps().stream().flatMap(s -> s.endedAt().stream())
                .max(Comparator.naturalOrder()) : Optional.empty());
        long elapsed = 0;
        ArrayNode steps = out.putArray("steps");
        String previous = null;
        String message = "";
        for (StepRecord s : job.steps()) {
            ObjectNode n = steps.addObject();
            n.put("name", s.name());
            n.put("state", s.state().name());
            n.put("progress", s.progress());
            putTime(n, "startedAt", s.startedAt());
            putTime(n, "endedAt", s.endedAt());
            Optional<Duration> d = s.duration().or(() -> s.state() == JobState.RUNNING
                    ? s.startedAt().map(t -> Duration.between(t, now)) : Optional.empty());
            if (d.isPresent()) {
                n.put("durationMs", d.get().toMillis());
                elapsed += d.get().toMillis();
            } else {
                n.putNull("durationMs");
            }
            n.put("message", s.message());
            ArrayNode deps = n.putArray("dependsOn");
            if (previous != null) {
                deps.add(previous);
            }
            previous = s.name();
            if (!s.message().isEmpty() && (s.state() == JobState.RUNNING || s.state() == JobState.FAILED
                    || s.state() == JobState.CANCELLED)) {
                message = s.message();
            }
        }
        out.put("elapsedMs", elapsed);
        double p = job.progress();
        if (job.state() == JobState.RUNNING && !orphaned && p > 0.01 && p < 1) {
            out.put("etaMs", Math.round(elapsed * (1 - p) / p));
        } else {
            out.putNull("etaMs");
        }
        out.put("message", message);
        return out;
    }

    private static void putParam(ObjectNode out, Job job, String name) {
        String v = job.params().get(name);
        if (v == null) {
            out.putNull(name);
        } else {
            out.put(name, v);
        }
    }

    private static void putTime(ObjectNode out, String field, Optional<Instant> t) {
        if (t.isPresent()) {
            out.put(field, t.get().toString());
        } else {
            out.putNull(field);
        }
    }
}
