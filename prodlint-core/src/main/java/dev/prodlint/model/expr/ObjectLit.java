package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.List;

/** An object literal; also used, with {@link Property#isPattern()}, as a destructuring pattern. */
public final class ObjectLit extends Expr {
    private final List<Property> properties;
    private final boolean pattern;

    public ObjectLit(SourceRange range, List<Property> properties, boolean pattern) {
        super(range);
        this.properties = List.copyOf(properties);
        this.pattern = pattern;
    }

    public List<Property> properties() {
        return properties;
    }

    /** True when this is a destructuring pattern rather than a value. */
    public boolean isPattern() {
        return pattern;
    }

    /** The value of the non-computed property {@code key}, or null. */
    public Expr get(String key) {
        for (Property p : properties) {
            if (key.equals(p.key())) return p.value();
        }
        return null;
    }

    @Override
    public List<? extends Node> children() {
        return properties;
    }
}
