package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.stmt.Loop;
import java.util.regex.Pattern;

/**
 * Whether an interrupt caught in a loop is only a wake-up: the loop stops on a flag, the executor's
 * shutdown or the thread's own interrupted state, so the stop is obeyed at the next check.
 */
final class StopLoops {
    private static final Pattern STOP_CONDITION = Pattern.compile("(?i)(running|stop|stopped|shutdown|closed|close|alive|active|started"
            + "|isShutdown|isTerminated|isInterrupted|isCancelled|toStop|watch|enabled|terminated)");

    private StopLoops() {
    }

    static boolean guarded(Node catchNode) {
        for (Node p = catchNode.parent(); p != null && !(p instanceof FunctionDecl); p = p.parent()) {
            if (p instanceof Loop l && l.condition() != null) {
                boolean[] hit = {false};
                l.condition().walk(n -> {
                    String id = n instanceof dev.prodlint.model.expr.Name nm ? nm.id()
                            : n instanceof dev.prodlint.model.expr.Member mm ? mm.property() : null;
                    if (id != null && STOP_CONDITION.matcher(id).find()) hit[0] = true;
                });
                if (hit[0]) return true;
            }
        }
        return false;
    }
}
