package dev.prodlint.rules.retrystorm;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.If;
import dev.prodlint.model.stmt.Loop;

/**
 * A place that runs a remote call again after it failed: a loop that leaves on success and goes
 * round on an exception or a failed status, or a function that calls itself when the call fails.
 *
 * @param loop     the loop, or null for a recursive retry
 * @param again    for a recursive retry, the call that starts the next attempt
 * @param call     the remote call as written in the retried code (a helper call, or the request)
 * @param remote   the request or query itself (inside the helper when there is one)
 * @param onError  the catch that retries, if the retry follows an exception
 * @param onStatus the test of the response that retries, if the retry follows a failed status
 * @param region   the code of one attempt: the loop, or the function
 */
record RetrySite(FunctionDecl function, Loop loop, Call again, Call call, Call remote, Catch onError, If onStatus, Node region) {
    Node anchor() {
        return loop != null ? loop : again;
    }
}
