package dev.prodlint.rules.missingtimeout;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Name;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls made on a builder before {@code build()}: along the chain
 * ({@code HttpClient.newBuilder().connectTimeout(d).build()}), or on the variable that holds it.
 */
final class BuilderChain {
    private BuilderChain() {
    }

    /**
     * True when some call on the builder is one of {@code setters}; false when none is and the
     * builder was made by a known factory in this chain or variable; null when the builder came from
     * elsewhere (a parameter, a bean) and may have been configured there.
     */
    static Boolean sets(ModuleContext ctx, Call build, List<String> setters) {
        List<Call> chain = new ArrayList<>();
        Expr r = build.receiver();
        while (r != null && r.unwrap() instanceof Call c) {
            chain.add(c);
            r = c.receiver();
        }
        Call root = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        Symbol var = r != null && r.unwrap() instanceof Name n ? n.symbol() : null;
        if (var != null && var.kind() == Symbol.Kind.LOCAL && var.initializer() != null) {
            // HttpClient.Builder b = HttpClient.newBuilder(); b.connectTimeout(...); b.build();
            Expr init = var.initializer();
            root = null;
            while (init != null && init.unwrap() instanceof Call c) {
                chain.add(c);
                root = c;
                init = c.receiver();
            }
            FunctionDecl f = build.enclosingFunction();
            if (f != null) {
                f.walk(n -> {
                    if (n instanceof Call c && c.receiver() != null && c.receiver().unwrap() instanceof Name x && x.symbol() == var) {
                        chain.add(c);
                    }
                });
            }
        }
        for (Call c : chain) {
            if (setters.contains(c.methodName())) return true;
        }
        // Made here: the chain starts at a static factory (HttpClient.newBuilder()), not at a
        // builder someone else configured.
        boolean madeHere = root != null && ctx.calls().classify(root).map(m -> m.is(Role.FACTORY)).orElse(false)
                && (root.receiver() == null || root.receiver().unwrap() instanceof Name n
                        && (n.symbol() == null || n.symbol().kind() == Symbol.Kind.IMPORT || n.symbol().kind() == Symbol.Kind.CLASS));
        return madeHere ? Boolean.FALSE : null;
    }
}
