package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Member access: {@code obj.prop}, {@code obj?.prop}, or computed {@code obj[index]} (then
 * {@link #property()} is the index's string value when it is a literal, else null).
 */
public final class Member extends Expr {
    private final Expr object;
    private final String property;
    private final Expr index;
    private final boolean optional;

    public Member(SourceRange range, Expr object, String property, Expr index, boolean optional) {
        super(range);
        this.object = object;
        this.property = property;
        this.index = index;
        this.optional = optional;
    }

    public Expr object() {
        return object;
    }

    public String property() {
        return property;
    }

    public Expr index() {
        return index;
    }

    public boolean isOptional() {
        return optional;
    }

    public boolean isComputed() {
        return index != null;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(2);
        out.add(object);
        if (index != null) out.add(index);
        return out;
    }
}
