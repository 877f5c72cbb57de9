package dev.prodlint.rules.connectionleak;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;

/**
 * A resource acquired in a function and held in a local variable.
 *
 * @param call          the acquiring call ({@code pool.connect()})
 * @param function      the function whose control flow must release it
 * @param statement     the statement that acquires it, or null when the resource arrives as a
 *                      callback parameter (then it is held from the function's entry)
 * @param resource      the variable holding it, or null when the result is discarded
 * @param resourceType  its type id, when the models tell
 * @param releaseParam  in callback style, the parameter that releases it ({@code done}), or null
 * @param errorParam    in callback style, the error parameter (set means no resource), or null
 * @param autoReleased  declared in try-with-resources or {@code using}: released by the language
 * @param hinted        the pool's type was guessed from its name, so the rule wants corroboration
 * @param ownedByTransaction a surrounding managed transaction may own the connection
 */
record Acquisition(Call call, FunctionDecl function, Node statement, Symbol resource, String resourceType,
                   Symbol releaseParam, Symbol errorParam, boolean autoReleased, boolean hinted,
                   boolean ownedByTransaction) {
}
