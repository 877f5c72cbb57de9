package dev.prodlint.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prodlint.engine.Comparison;

/** What the findings were compared against, as JSON and SARIF write it (only the parts that were asked for). */
final class ComparisonJson {
    private ComparisonJson() {
    }

    static void write(Comparison c, ObjectNode into) {
        if (c.baseline() != null) {
            ObjectNode b = into.putObject("baseline");
            b.put("file", c.baseline().file());
            b.put("hidden", c.baseline().hidden());
            if (c.baseline().stale() != null) b.put("stale", c.baseline().stale());
        }
        if (c.newSince() != null) {
            ObjectNode n = into.putObject("newSince");
            n.put("revision", c.newSince().revision());
            n.put("changedFiles", c.newSince().changedFiles());
            n.put("findingsBefore", c.newSince().before());
            n.put("findingsNow", c.newSince().now());
            n.put("new", c.newSince().added());
        }
    }
}
