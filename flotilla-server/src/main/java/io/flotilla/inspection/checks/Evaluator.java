package io.flotilla.inspection.checks;

import java.util.ArrayList;
import java.util.List;

/** Evaluates the selected checks of a catalogue over one snapshot. Pure; linear in the snapshot's size. */
public final class Evaluator {

    /**
     * The outcome: findings (ordered by check, then object), the checks that were evaluated, and the
     * checks that broke on unexpected data (their findings are dropped; the others still count).
     */
    public record Result(List<Finding> findings, List<String> evaluated, List<String> errors) {}

    private final Catalogue catalogue;

    public Evaluator(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Result evaluate(Snapshot snapshot, Selection selection) {
        Inventory inventory = new Inventory(snapshot);
        List<Finding> findings = new ArrayList<>();
        List<String> evaluated = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (Check check : catalogue.checks()) {
            if (!selection.enabled(check)) {
                continue;
            }
            evaluated.add(check.id());
            Severity severity = selection.severity(check);
            java.util.Set<String> seen = new java.util.HashSet<>();
            int before = findings.size();
            try {
                check.rule().evaluate(inventory, (ref, message) -> {
                    // one finding per check and object: messages about several containers are merged
                    if (seen.add(ref.key())) {
                        findings.add(new Finding(check.id(), check.category(), severity, ref, message));
                    } else {
                        merge(findings, check.id(), ref, message);
                    }
                });
            } catch (RuntimeException e) {
                findings.subList(before, findings.size()).clear();
                errors.add(check.id() + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return new Result(List.copyOf(findings), List.copyOf(evaluated), List.copyOf(errors));
    }

    private static void merge(List<Finding> findings, String id, ObjectRef ref, String message) {
        for (int i = findings.size() - 1; i >= 0; i--) {
            Finding f = findings.get(i);
            if (f.checkId().equals(id) && f.object().equals(ref)) {
                if (!f.message().contains(message)) {
                    findings.set(i, new Finding(id, f.category(), f.severity(), ref, f.message() + "; " + message));
                }
                return;
            }
        }
    }
}
