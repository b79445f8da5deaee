package io.haechi.model.catalog;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import io.haechi.model.ValidationIssue;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.spi.MetadataChange;
import io.haechi.model.spi.MetadataDocument;
import io.haechi.model.spi.MetadataKey;
import io.haechi.model.spi.MetadataStore;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidationReport;
import io.haechi.model.validate.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A project's tables, models, cubes and segments, kept as versioned JSON documents in a {@link MetadataStore}. Every
 * write is one atomic commit; a stale read fails with METADATA_CONFLICT instead of overwriting someone's change.
 */
public final class Catalog {
    static final String PROJECT = "project";
    static final String TABLE = "table";
    static final String MODEL = "model";
    static final String CUBE = "cube";
    static final String SEGMENT = "segment";
    static final String SEGMENT_DICTIONARIES = "segment_dictionaries";

    private final MetadataStore store;
    private final Validator validator;

    public Catalog(MetadataStore store) {
        this(store, new Validator());
    }

    public Catalog(MetadataStore store, Validator validator) {
        this.store = requireNonNull(store, "store is null");
        this.validator = requireNonNull(validator, "validator is null");
    }

    public MetadataStore store() {
        return store;
    }

    public List<String> projects() {
        return store.projects();
    }

    public boolean projectExists(String project) {
        return store.get(new MetadataKey(PROJECT, project, project)).isPresent();
    }

    /** Fails with METADATA_NOT_FOUND naming the known projects unless {@code project} exists. */
    public void requireProject(String project) {
        if (!projectExists(project)) {
            throw new HaechiException(ErrorCode.METADATA_NOT_FOUND, "there is no project '" + project
                    + "'; known projects: " + projects() + " ('haechi apply -f FILE --project P' creates one)");
        }
    }

    public List<Versioned<TableDesc>> tables(String project) {
        return store.list(TABLE, project).stream()
                .map(d -> new Versioned<>(JsonDescriptors.readTable(d.json(), d.key().describe()), d.version()))
                .toList();
    }

    public Optional<Versioned<TableDesc>> table(String project, String name) {
        return store.get(new MetadataKey(TABLE, project, name))
                .map(d -> new Versioned<>(JsonDescriptors.readTable(d.json(), d.key().describe()), d.version()));
    }

    public List<Versioned<ModelDesc>> models(String project) {
        return store.list(MODEL, project).stream()
                .map(d -> new Versioned<>(JsonDescriptors.readModel(d.json(), d.key().describe()), d.version()))
                .toList();
    }

    public Optional<Versioned<ModelDesc>> model(String project, String name) {
        return store.get(new MetadataKey(MODEL, project, name))
                .map(d -> new Versioned<>(JsonDescriptors.readModel(d.json(), d.key().describe()), d.version()));
    }

    public List<Versioned<CubeDesc>> cubes(String project) {
        return store.list(CUBE, project).stream()
                .map(d -> new Versioned<>(JsonDescriptors.readCube(d.json(), d.key().describe()), d.version()))
                .toList();
    }

    public Optional<Versioned<CubeDesc>> cube(String project, String name) {
        return store.get(new MetadataKey(CUBE, project, name))
                .map(d -> new Versioned<>(JsonDescriptors.readCube(d.json(), d.key().describe()), d.version()));
    }

    /** The cube, or METADATA_NOT_FOUND naming the project's cubes. */
    public Versioned<CubeDesc> requireCube(String project, String name) {
        return cube(project, name).orElseThrow(() -> new HaechiException(ErrorCode.METADATA_NOT_FOUND,
                "there is no cube '" + name + "' in project '" + project + "'; its cubes: "
                        + cubes(project).stream().map(c -> c.value().name()).toList()));
    }

    /** Segments of one cube (every cube when {@code cube} is empty), ordered by start date. */
    public List<Versioned<SegmentDesc>> segments(String project, Optional<String> cube) {
        List<Versioned<SegmentDesc>> out = new ArrayList<>();
        for (MetadataDocument d : store.list(SEGMENT, project)) {
            SegmentDesc s = SegmentJson.read(d.json(), d.key().describe());
            if (cube.isEmpty() || s.cube().equals(cube.get())) {
                out.add(new Versioned<>(s, d.version()));
            }
        }
        out.sort((a, b) -> a.value().from().compareTo(b.value().from()));
        return out;
    }

    /**
     * Registers a new BUILDING segment. Refuses a range that overlaps an existing segment of the cube
     * (SEGMENT_OVERLAP). The commit also bumps the cube's version, so two builds racing for overlapping ranges, or a
     * build racing a cube change, cannot both win.
     */
    public Versioned<SegmentDesc> createSegment(String project, SegmentDesc segment) {
        Versioned<CubeDesc> cube = requireCube(project, segment.cube());
        for (Versioned<SegmentDesc> s : segments(project, Optional.of(segment.cube()))) {
            if (s.value().overlaps(segment.from(), segment.to())) {
                throw new HaechiException(ErrorCode.SEGMENT_OVERLAP, "cube '" + segment.cube() + "' already has "
                        + "segment " + s.value().name() + " [" + s.value().from() + ", " + s.value().to() + ") ("
                        + s.value().status() + "), which overlaps [" + segment.from() + ", " + segment.to()
                        + "); drop it first or choose another range");
            }
        }
        MetadataKey segmentKey = new MetadataKey(SEGMENT, project, segmentDocName(segment));
        MetadataKey cubeKey = new MetadataKey(CUBE, project, segment.cube());
        List<MetadataDocument> written = store.commit(List.of(
                new MetadataChange.Create(segmentKey, SegmentJson.write(segment)),
                new MetadataChange.Update(cubeKey, JsonDescriptors.write(cube.value()), cube.version())));
        return new Versioned<>(segment, written.get(0).version());
    }

    /** Flips a BUILDING segment to READY in one update: from then on queries see it. */
    public Versioned<SegmentDesc> commitSegment(String project, Versioned<SegmentDesc> building, SegmentDesc ready) {
        return commitSegment(project, building, ready, new byte[0]);
    }

    /**
     * Flips a BUILDING segment to READY and stores its dictionaries (the encodings queries need to turn filter
     * constants into codes and codes back into values) in the same commit: a segment is never visible without them.
     */
    public Versioned<SegmentDesc> commitSegment(String project, Versioned<SegmentDesc> building, SegmentDesc ready,
            byte[] dictionaries) {
        if (ready.status() != SegmentStatus.READY) {
            throw new IllegalArgumentException("segment " + ready.name() + " is not READY");
        }
        List<MetadataChange> changes = new ArrayList<>();
        changes.add(new MetadataChange.Update(new MetadataKey(SEGMENT, project, segmentDocName(ready)),
                SegmentJson.write(ready), building.version()));
        MetadataKey dictKey = new MetadataKey(SEGMENT_DICTIONARIES, project, segmentDocName(ready));
        Optional<MetadataDocument> oldDict = store.get(dictKey);
        String dictJson = SegmentJson.writeDictionaries(dictionaries);
        changes.add(oldDict.isPresent() ? new MetadataChange.Update(dictKey, dictJson, oldDict.get().version())
                : new MetadataChange.Create(dictKey, dictJson));
        List<MetadataDocument> written = store.commit(changes);
        return new Versioned<>(ready, written.get(0).version());
    }

    /** The dictionaries stored with a READY segment (empty bytes if none were). */
    public byte[] segmentDictionaries(String project, SegmentDesc segment) {
        return store.get(new MetadataKey(SEGMENT_DICTIONARIES, project, segmentDocName(segment)))
                .map(d -> SegmentJson.readDictionaries(d.json(), d.key().describe()))
                .orElse(new byte[0]);
    }

    /** Deletes a segment's document and its dictionaries in one commit. */
    public void deleteSegment(String project, Versioned<SegmentDesc> segment) {
        List<MetadataChange> changes = new ArrayList<>();
        changes.add(new MetadataChange.Delete(new MetadataKey(SEGMENT, project, segmentDocName(segment.value())),
                segment.version()));
        store.get(new MetadataKey(SEGMENT_DICTIONARIES, project, segmentDocName(segment.value())))
                .ifPresent(d -> changes.add(new MetadataChange.Delete(d.key(), d.version())));
        store.commit(changes);
    }

    public Optional<Versioned<SegmentDesc>> segment(String project, String cube, String name) {
        return segments(project, Optional.of(cube)).stream().filter(s -> s.value().name().equals(name)).findFirst();
    }

    static String segmentDocName(SegmentDesc s) {
        return s.cube() + "/" + s.name();
    }

    /**
     * What applying {@code documents} to {@code project} would do; checks that every model and cube is valid against
     * the tables and models it would then see. Nothing is written.
     */
    public ApplyPlan plan(String project, List<Descriptor> documents) {
        Names.checkIdentifier(project, "project name");
        Map<String, TableDesc> tables = new LinkedHashMap<>();
        Map<String, ModelDesc> models = new LinkedHashMap<>();
        Map<String, CubeDesc> cubes = new LinkedHashMap<>();
        Map<String, Long> versions = new LinkedHashMap<>();
        Map<String, String> storedJson = new LinkedHashMap<>();
        for (MetadataDocument d : store.list(TABLE, project)) {
            tables.put(d.name(), JsonDescriptors.readTable(d.json(), d.key().describe()));
            remember(versions, storedJson, d);
        }
        for (MetadataDocument d : store.list(MODEL, project)) {
            models.put(d.name(), JsonDescriptors.readModel(d.json(), d.key().describe()));
            remember(versions, storedJson, d);
        }
        for (MetadataDocument d : store.list(CUBE, project)) {
            cubes.put(d.name(), JsonDescriptors.readCube(d.json(), d.key().describe()));
            remember(versions, storedJson, d);
        }
        Set<String> seen = new TreeSet<>();
        for (Descriptor d : documents) {
            if (!seen.add(d.kind() + "/" + d.name())) {
                throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                        d.kind() + " '" + d.name() + "' is given twice");
            }
            if (d instanceof Descriptor.Table t) {
                tables.put(t.name(), t.table());
            } else if (d instanceof Descriptor.Model m) {
                models.put(m.name(), m.model());
            } else if (d instanceof Descriptor.Cube c) {
                cubes.put(c.name(), c.cube());
            }
        }
        List<String> problems = new ArrayList<>();
        List<ValidationIssue> issues = new ArrayList<>();
        for (ModelDesc m : models.values()) {
            collect(problems, issues, validator.validateModel(m, tables.values()));
        }
        for (CubeDesc c : cubes.values()) {
            ModelDesc m = models.get(c.model());
            if (m == null) {
                String message = "model '" + c.model() + "' does not exist in project '" + project
                        + "' nor in the files";
                problems.add("cube '" + c.name() + "': " + message);
                issues.add(new ValidationIssue("cube '" + c.name() + "'.model", message,
                        ErrorCode.INVALID_DESCRIPTOR));
            } else {
                collect(problems, issues, validator.validateCube(c, m, tables.values()));
            }
        }
        if (!problems.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "nothing was applied; " + problems.size()
                    + " problem(s):" + System.lineSeparator() + String.join(System.lineSeparator(), problems),
                    issues);
        }
        List<Versioned<SegmentDesc>> segments = segments(project, Optional.empty());
        List<ApplyPlan.Change> changes = new ArrayList<>();
        for (Descriptor d : documents) {
            String key = d.kind() + "/" + d.name();
            String json = JsonDescriptors.write(d);
            ApplyPlan.Action action = !versions.containsKey(key) ? ApplyPlan.Action.CREATE
                    : storedJson.get(key).equals(json) ? ApplyPlan.Action.UNCHANGED : ApplyPlan.Action.UPDATE;
            List<String> invalidated = action == ApplyPlan.Action.UPDATE
                    ? invalidated(d, storedJson.get(key), cubes, models, segments) : List.of();
            changes.add(new ApplyPlan.Change(d, action, versions.getOrDefault(key, 0L), invalidated));
        }
        return new ApplyPlan(project, changes);
    }

    /**
     * Applies a plan in one commit. A plan that invalidates built segments is refused (CHANGE_INVALIDATES_SEGMENTS)
     * unless {@code dropSegments}; then their documents go in the same commit and the caller drops their data, which
     * this method returns.
     */
    public List<SegmentDesc> apply(ApplyPlan plan, boolean dropSegments) {
        List<String> invalid = plan.invalidatedSegments();
        if (!invalid.isEmpty() && !dropSegments) {
            throw new HaechiException(ErrorCode.CHANGE_INVALIDATES_SEGMENTS, "nothing was applied: the change "
                    + "would invalidate the built segments " + invalid + "; rebuild them afterwards and apply again "
                    + "with --drop-segments to drop them");
        }
        String project = plan.project();
        List<MetadataChange> changes = new ArrayList<>();
        if (!projectExists(project)) {
            changes.add(new MetadataChange.Create(new MetadataKey(PROJECT, project, project),
                    "{\"kind\":\"project\",\"schemaVersion\":1,\"name\":\"" + project + "\"}"));
        }
        for (ApplyPlan.Change c : plan.changes()) {
            MetadataKey key = new MetadataKey(c.descriptor().kind(), project, c.descriptor().name());
            String json = JsonDescriptors.write(c.descriptor());
            switch (c.action()) {
                case CREATE -> changes.add(new MetadataChange.Create(key, json));
                case UPDATE -> changes.add(new MetadataChange.Update(key, json, c.expectedVersion()));
                case UNCHANGED -> {
                    // nothing to write
                }
            }
        }
        List<SegmentDesc> dropped = new ArrayList<>();
        for (Versioned<SegmentDesc> s : segments(project, Optional.empty())) {
            if (invalid.contains(s.value().cube() + "/" + s.value().name())) {
                changes.add(new MetadataChange.Delete(new MetadataKey(SEGMENT, project, segmentDocName(s.value())),
                        s.version()));
                store.get(new MetadataKey(SEGMENT_DICTIONARIES, project, segmentDocName(s.value())))
                        .ifPresent(d -> changes.add(new MetadataChange.Delete(d.key(), d.version())));
                dropped.add(s.value());
            }
        }
        if (!changes.isEmpty()) {
            store.commit(changes);
        }
        return dropped;
    }

    private static void remember(Map<String, Long> versions, Map<String, String> json, MetadataDocument d) {
        versions.put(d.kind() + "/" + d.name(), d.version());
        json.put(d.kind() + "/" + d.name(), d.json());
    }

    /** Keeps an invalid report's summary and its issues, their paths qualified by the report's subject. */
    private static void collect(List<String> problems, List<ValidationIssue> issues, ValidationReport report) {
        if (!report.isValid()) {
            problems.add(report.summary());
            for (ValidationIssue i : report.issues()) {
                issues.add(new ValidationIssue(report.subject() + (i.path().isEmpty() ? "" : "." + i.path()),
                        i.message(), i.code()));
            }
        }
    }

    /** The segments a changed document invalidates: a table's columns, a model, or a cube in use by built data. */
    private static List<String> invalidated(Descriptor d, String oldJson, Map<String, CubeDesc> cubes,
            Map<String, ModelDesc> models, List<Versioned<SegmentDesc>> segments) {
        Set<String> affectedCubes = new TreeSet<>();
        if (d instanceof Descriptor.Cube c) {
            affectedCubes.add(c.name());
        } else if (d instanceof Descriptor.Model m) {
            cubes.values().stream().filter(c -> c.model().equals(m.name())).forEach(c -> affectedCubes.add(c.name()));
        } else if (d instanceof Descriptor.Table t) {
            TableDesc old = JsonDescriptors.readTable(oldJson, "stored table " + t.name());
            if (old.columns().equals(t.table().columns()) && old.format() == t.table().format()) {
                return List.of(); // a new location changes no built data
            }
            for (ModelDesc m : models.values()) {
                boolean uses = m.factTable().equals(t.name())
                        || m.lookups().stream().anyMatch(l -> l.table().equals(t.name()));
                if (uses) {
                    cubes.values().stream().filter(c -> c.model().equals(m.name()))
                            .forEach(c -> affectedCubes.add(c.name()));
                }
            }
        }
        return segments.stream().filter(s -> affectedCubes.contains(s.value().cube()))
                .map(s -> s.value().cube() + "/" + s.value().name()).toList();
    }

    /**
     * Deletes a table, model or cube in one commit, if its stored version is still {@code expectedVersion}. A table
     * a model uses, or a model a cube uses, is refused (DESCRIPTOR_IN_USE). A cube with a BUILDING segment is refused
     * (JOB_STATE_CONFLICT: its job must be cancelled and discarded first); a cube with READY segments is refused
     * (CHANGE_INVALIDATES_SEGMENTS) unless {@code dropSegments}: then their documents go in the same commit, and the
     * caller drops their data, which this method returns.
     */
    public List<SegmentDesc> delete(String project, String kind, String name, long expectedVersion,
            boolean dropSegments) {
        MetadataKey key = new MetadataKey(kind, project, name);
        MetadataDocument stored = store.get(key).orElseThrow(() -> new HaechiException(ErrorCode.METADATA_NOT_FOUND,
                "there is no " + key.describe()));
        if (stored.version() != expectedVersion) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, key.describe() + " is at version "
                    + stored.version() + ", not " + expectedVersion + " (changed since it was read); nothing was "
                    + "deleted");
        }
        List<String> users = switch (kind) {
            case TABLE -> models(project).stream().map(Versioned::value)
                    .filter(m -> m.factTable().equals(name) || m.lookups().stream().anyMatch(l -> l.table()
                            .equals(name))).map(m -> "model '" + m.name() + "'").toList();
            case MODEL -> cubes(project).stream().map(Versioned::value).filter(c -> c.model().equals(name))
                    .map(c -> "cube '" + c.name() + "'").toList();
            case CUBE -> List.of();
            default -> throw new IllegalArgumentException("only tables, models and cubes are deleted here, not "
                    + kind);
        };
        if (!users.isEmpty()) {
            throw new HaechiException(ErrorCode.DESCRIPTOR_IN_USE, key.describe() + " is used by " + String.join(
                    ", ", users) + "; delete or change them first");
        }
        List<MetadataChange> changes = new ArrayList<>();
        changes.add(new MetadataChange.Delete(key, expectedVersion));
        List<SegmentDesc> dropped = new ArrayList<>();
        if (kind.equals(CUBE)) {
            List<Versioned<SegmentDesc>> segments = segments(project, Optional.of(name));
            for (Versioned<SegmentDesc> s : segments) {
                if (s.value().status() == SegmentStatus.BUILDING) {
                    throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "segment " + s.value().name() + " of "
                            + key.describe() + " is being built by job " + s.value().jobId() + "; cancel and "
                            + "discard the job first");
                }
            }
            if (!segments.isEmpty() && !dropSegments) {
                throw new HaechiException(ErrorCode.CHANGE_INVALIDATES_SEGMENTS, key.describe() + " has "
                        + segments.size() + " built segment(s) " + segments.stream().map(s -> s.value().name())
                        .toList() + "; nothing was deleted (drop the segments with it to delete it)");
            }
            for (Versioned<SegmentDesc> s : segments) {
                changes.add(new MetadataChange.Delete(new MetadataKey(SEGMENT, project, segmentDocName(s.value())),
                        s.version()));
                store.get(new MetadataKey(SEGMENT_DICTIONARIES, project, segmentDocName(s.value())))
                        .ifPresent(d -> changes.add(new MetadataChange.Delete(d.key(), d.version())));
                dropped.add(s.value());
            }
        }
        store.commit(changes);
        return dropped;
    }

    /** Finds the READY segments of a cube that cover days in {@code [from, to)}. */
    public List<SegmentDesc> readySegments(String project, String cube, LocalDate from, LocalDate to) {
        return segments(project, Optional.of(cube)).stream().map(Versioned::value)
                .filter(s -> s.status() == SegmentStatus.READY && s.overlaps(from, to)).toList();
    }
}
