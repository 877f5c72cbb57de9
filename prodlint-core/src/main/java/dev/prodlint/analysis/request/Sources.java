package dev.prodlint.analysis.request;

import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.rules.Snippets;

/** How findings name where request data came from: {@code req.query.userId}, or a parameter's field. */
public final class Sources {
    private Sources() {
    }

    public static String describe(SourceModule m, Taint t) {
        var at = t.at().unwrap();
        if (at instanceof Member || at instanceof Call) {
            String code = Snippets.compact(m, at);
            if (t.field() != null && !t.whole() && !code.endsWith(t.field()) && !code.endsWith(t.field() + "')") && !code.endsWith(t.field() + "\")")) {
                return code + "." + t.field();
            }
            return code;
        }
        // a bound parameter or a destructuring pattern: name the field when there is one
        String name = at instanceof Name n ? n.id() : null;
        if (t.field() != null && !t.whole() && (name == null || !name.equals(t.field()))) return name == null ? t.field() : name + "." + t.field();
        return name != null ? name : Snippets.compact(m, at);
    }
}
