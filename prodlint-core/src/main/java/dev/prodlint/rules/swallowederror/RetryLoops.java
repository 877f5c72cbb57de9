package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.stmt.Jump;
import dev.prodlint.model.stmt.Loop;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Try;

/**
 * Whether a catch is one attempt of a retry loop: the try sits in a loop and leaves it on success
 * ({@code return} or {@code break} in the try), so the catch's job is to go round again.
 */
final class RetryLoops {
    private RetryLoops() {
    }

    static boolean attempt(CatchSite s) {
        if (!(s.node().parent() instanceof Try t)) return false;
        Loop loop = null;
        for (Node p = t.parent(); p != null && !(p instanceof FunctionDecl); p = p.parent()) {
            if (p instanceof Loop l) {
                loop = l;
                break;
            }
        }
        if (loop == null) return false;
        boolean[] leaves = {false};
        t.body().walk(n -> {
            if (n instanceof Return || n instanceof Jump j && j.kind() == Jump.Kind.BREAK) leaves[0] = true;
        }, true);
        return leaves[0];
    }
}
