package io.haechi.model.validate;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Issues;
import io.haechi.model.ValidationIssue;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.cube.CubeValidation;
import io.haechi.model.cube.CubeValidator;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.lattice.CuboidPlanner;
import io.haechi.model.lattice.CuboidSet;
import io.haechi.model.lattice.GroupCount;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.star.ModelValidation;
import io.haechi.model.star.ModelValidator;
import io.haechi.model.star.StarSchema;
import io.haechi.model.table.TableDesc;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one entry point to check descriptors: {@code validate*} return a {@link ValidationReport}; {@link #model} and
 * {@link #cube} return the resolved result or throw a HaechiException that lists every issue. Counting cuboids is
 * instant for any group; the cuboid set is enumerated only when every group is under the cap.
 */
public final class Validator {
    private final long cuboidCap;

    /** A validator with Kylin's cap of 32,768 cuboids per aggregation group. */
    public Validator() {
        this(CuboidPlanner.DEFAULT_CAP);
    }

    public Validator(long cuboidCapPerGroup) {
        if (cuboidCapPerGroup < 1) {
            throw new IllegalArgumentException("cuboidCapPerGroup must be positive, got " + cuboidCapPerGroup);
        }
        this.cuboidCap = cuboidCapPerGroup;
    }

    public ValidationReport validateModel(ModelDesc model, Collection<TableDesc> tables) {
        ModelValidation v = ModelValidator.validate(model, tables);
        return new ValidationReport("model '" + model.name() + "'", v.issues(), List.of(), OptionalLong.empty());
    }

    public ValidationReport validateCube(CubeDesc cube, ModelDesc model, Collection<TableDesc> tables) {
        return check(cube, model, tables).report;
    }

    /** The resolved model, or a HaechiException listing its issues. */
    public StarSchema model(ModelDesc model, Collection<TableDesc> tables) {
        return ModelValidator.validate(model, tables).orThrow(model.name());
    }

    /** The validated cube, or a HaechiException listing its issues (CUBOID_CAP_EXCEEDED if that is the first). */
    public ValidatedCube cube(CubeDesc cube, ModelDesc model, Collection<TableDesc> tables) {
        Outcome o = check(cube, model, tables);
        o.report.throwIfInvalid();
        return o.cube;
    }

    private record Outcome(ValidationReport report, ValidatedCube cube) {
    }

    private Outcome check(CubeDesc cube, ModelDesc model, Collection<TableDesc> tables) {
        requireNonNull(cube, "cube is null");
        String subject = "cube '" + cube.name() + "'";
        ModelValidation mv = ModelValidator.validate(model, tables);
        if (!mv.isValid()) {
            List<ValidationIssue> issues = new ArrayList<>();
            for (ValidationIssue i : mv.issues()) {
                String path = "model '" + model.name() + "'" + (i.path().isEmpty() ? "" : "." + i.path());
                issues.add(new ValidationIssue(path, i.message(), i.code()));
            }
            return new Outcome(new ValidationReport(subject, issues, List.of(), OptionalLong.empty()), null);
        }
        StarSchema schema = mv.schema().orElseThrow();
        CubeValidation cv = CubeValidator.validate(cube, schema);
        if (!cv.isValid()) {
            return new Outcome(new ValidationReport(subject, cv.issues(), List.of(), OptionalLong.empty()), null);
        }
        CuboidPlanner planner = new CuboidPlanner(cube, cuboidCap);
        List<GroupCount> counts = planner.counts();
        Issues issues = new Issues();
        for (GroupCount c : counts) {
            if (c.overCap()) {
                issues.add(ErrorCode.CUBOID_CAP_EXCEEDED, "aggregationGroups[" + c.group() + "]",
                        planner.refusal(c.group()));
            }
        }
        if (!issues.isEmpty()) {
            return new Outcome(new ValidationReport(subject, issues.list(), counts, OptionalLong.empty()), null);
        }
        CuboidSet cuboids = planner.cuboids();
        ValidatedCube validated = new ValidatedCube(cube, schema, cv.dimensions(), cv.measures(), planner.layout(),
                cuboids);
        return new Outcome(new ValidationReport(subject, List.of(), counts, OptionalLong.of(cuboids.size())),
                validated);
    }
}
