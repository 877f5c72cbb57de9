package dev.prodlint.model.expr;

import dev.prodlint.model.Node;
import dev.prodlint.model.SourceRange;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of an object literal or object pattern: {@code key: value}, shorthand {@code key},
 * a method, or a spread/rest {@code ...value} (then key is null). In a pattern, value is the
 * binding target and {@link #defaultValue()} its default.
 */
public final class Property extends Node {
    public enum Kind { INIT, SHORTHAND, METHOD, GETTER, SETTER, SPREAD }

    private final Kind kind;
    private final String key;
    private final Expr computedKey;
    private final Expr value;
    private final Expr defaultValue;

    public Property(SourceRange range, Kind kind, String key, Expr computedKey, Expr value, Expr defaultValue) {
        super(range);
        this.kind = kind;
        this.key = key;
        this.computedKey = computedKey;
        this.value = value;
        this.defaultValue = defaultValue;
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Expr computedKey() {
        return computedKey;
    }

    public Expr value() {
        return value;
    }

    public Expr defaultValue() {
        return defaultValue;
    }

    public boolean isPattern() {
        return parent() instanceof ObjectLit o && o.isPattern();
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(3);
        if (computedKey != null) out.add(computedKey);
        if (value != null) out.add(value);
        if (defaultValue != null) out.add(defaultValue);
        return out;
    }
}
