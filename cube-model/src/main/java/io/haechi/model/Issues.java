package io.haechi.model;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;

/** Collects {@link ValidationIssue}s while a validator walks a descriptor. Not thread-safe. */
public final class Issues {
    private final List<ValidationIssue> list = new ArrayList<>();

    public void add(ErrorCode code, String path, String message) {
        list.add(new ValidationIssue(path, message, code));
    }

    /** Records a failure thrown by a checker (an expression, a type), keeping its code. */
    public void add(String path, HaechiException e) {
        list.add(new ValidationIssue(path, e.getMessage(), e.errorCode()));
    }

    public void addAll(List<ValidationIssue> issues) {
        list.addAll(issues);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    public List<ValidationIssue> list() {
        return List.copyOf(list);
    }

    /**
     * Throws one exception listing every issue (code of the first, the issues attached) if there are any.
     *
     * @param what names the descriptor, e.g. {@code cube 'ssb_kylin'}
     */
    public static void throwIfAny(List<ValidationIssue> issues, String what) {
        if (issues.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder(what).append(" is invalid (").append(issues.size())
                .append(issues.size() == 1 ? " problem):" : " problems):");
        for (ValidationIssue issue : issues) {
            sb.append("\n  - ").append(issue);
        }
        throw new HaechiException(issues.get(0).code(), sb.toString(), issues);
    }
}
