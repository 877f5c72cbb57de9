package dev.prodlint.rules.listenerleak;

import dev.prodlint.analysis.lifecycle.Scope;
import dev.prodlint.apimodel.Lifecycles.Pair;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Expr;
import java.util.List;

/**
 * Something a scope adds to an object that outlives it: a listener, a subscription, a timer, an
 * entry in a shared collection, a thread-local value.
 *
 * @param at       the registering call or assignment
 * @param receiver what it is registered on (null for a global timer)
 * @param path     the receiver's path as written, for finding the undo on the same object
 * @param pair     the registration family and its undo names (null for collections and thread-locals)
 * @param chain    the scopes it runs in, innermost first
 */
record Registration(Kind kind, Node at, Expr receiver, String path, Pair pair, List<Scope> chain) {

    enum Kind { LISTENER, SUBSCRIPTION, TIMER, COLLECTION, THREAD_LOCAL }

    Scope scope() {
        return chain.get(0);
    }
}
