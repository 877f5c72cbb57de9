package dev.prodlint.frontend.java;

import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;

/**
 * How deep a javac tree goes, stopping as soon as it passes a limit. javac computes the end of an
 * else-if chain, a ternary chain or nested unary operators by walking down it, so lowering a chain
 * 50,000 deep would take minutes; such files are refused before that.
 */
final class TreeDepth extends TreeScanner<Void, Void> {
    private final int limit;
    private int depth;
    private int max;

    private TreeDepth(int limit) {
        this.limit = limit;
    }

    /** The depth, or a value over {@code limit} once it is passed. */
    static int exceeding(Tree root, int limit) {
        TreeDepth d = new TreeDepth(limit);
        try {
            d.scan(root, null);
        } catch (TooDeep e) {
            return limit + 1;
        }
        return d.max;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
        if (tree == null) return null;
        if (++depth > max) max = depth;
        if (max > limit) throw new TooDeep();
        try {
            return super.scan(tree, unused);
        } finally {
            depth--;
        }
    }

    private static final class TooDeep extends RuntimeException {
        TooDeep() {
            super(null, null, false, false);
        }
    }
}
