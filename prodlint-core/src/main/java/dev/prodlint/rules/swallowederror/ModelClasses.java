package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Name;
import java.util.regex.Pattern;

/**
 * Whether a capitalised receiver ({@code User.updateOne(...)}) is an ORM model class, not any
 * class with a method of the same name ({@code Metrics.increment(...)}): imported from a models or
 * schema module, made by {@code mongoose.model(...)}/{@code sequelize.define(...)}, or declared as
 * a model class here.
 */
final class ModelClasses {
    private static final Pattern MODEL_MODULE = Pattern.compile("(?i)(^|[/@])(models?|schemas?|entit(y|ies)|db|database|orm)([/.]|$)|\\.(model|schema|entity)$");

    private ModelClasses() {
    }

    static boolean isModel(Call c) {
        Expr r = c.receiver() == null ? null : c.receiver().unwrap();
        if (!(r instanceof Name n) || n.symbol() == null) return false;
        Symbol s = n.symbol();
        if (s.importedFrom() != null) return MODEL_MODULE.matcher(s.importedFrom().module()).find();
        if (s.initializer() instanceof Call init && init.methodName() != null && init.methodName().matches("model|define|init")) return true;
        if (s.declaration() instanceof ClassDecl cls) {
            return cls.superclass() != null && cls.superclass().simpleName().matches("Model|BaseModel|Document")
                    || cls.annotations().stream().anyMatch(a -> a.simpleName().matches("Entity|Table|Schema"));
        }
        return false;
    }
}
