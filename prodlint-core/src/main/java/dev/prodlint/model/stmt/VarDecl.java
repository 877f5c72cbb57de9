package dev.prodlint.model.stmt;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Expr;
import java.util.ArrayList;
import java.util.List;

/**
 * One variable declaration: {@code const {rows} = await client.query(...)}, {@code Connection c = ...}.
 * A declaration of several variables is lowered to several of these. USING covers TypeScript
 * {@code using} and {@code await using}: disposal is guaranteed, like Java's try-with-resources.
 */
public final class VarDecl extends Stmt {
    public enum Kind { CONST, LET, VAR, JAVA, JAVA_FINAL, USING }

    private final Kind kind;
    private final Expr target;
    private final TypeRef type;
    private final Expr init;

    public VarDecl(SourceRange range, Kind kind, Expr target, TypeRef type, Expr init) {
        super(range);
        this.kind = kind;
        this.target = target;
        this.type = type;
        this.init = init;
    }

    public Kind kind() {
        return kind;
    }

    /** A {@code Name} or a destructuring pattern. */
    public Expr target() {
        return target;
    }

    public TypeRef type() {
        return type;
    }

    public Expr init() {
        return init;
    }

    public boolean isConstant() {
        return kind == Kind.CONST || kind == Kind.JAVA_FINAL || kind == Kind.USING;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(2);
        out.add(target);
        if (init != null) out.add(init);
        return out;
    }
}
