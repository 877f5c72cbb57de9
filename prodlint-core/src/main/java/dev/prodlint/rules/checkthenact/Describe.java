package dev.prodlint.rules.checkthenact;

import dev.prodlint.analysis.db.DbOp;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.rules.Snippets;

/** How messages name a database operation: its callee, and for SQL the start of the statement. */
public final class Describe {
    private Describe() {
    }

    public static String op(SourceModule m, DbOp op) {
        Call c = op.anchor() instanceof Call ac ? ac : op.call();
        String callee = Snippets.shortCallee(m, c);
        if (op.sql() != null) {
            String sql = op.sql().replaceAll("\\s+", " ").strip();
            if (sql.length() > 48) sql = sql.substring(0, 45) + "...";
            return "`" + callee + "(\"" + sql + "\")`";
        }
        return "`" + callee + "(...)`";
    }
}
