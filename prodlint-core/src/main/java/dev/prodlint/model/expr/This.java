package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** {@code this} (or {@code super} when {@link #isSuper()}). */
public final class This extends Expr {
    private final boolean isSuper;

    public This(SourceRange range, boolean isSuper) {
        super(range);
        this.isSuper = isSuper;
    }

    public boolean isSuper() {
        return isSuper;
    }

    @Override
    public List<? extends Node> children() {
        return List.of();
    }
}
