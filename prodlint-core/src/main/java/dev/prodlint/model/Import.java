package dev.prodlint.model;

import java.util.List;

/**
 * One imported binding: ESM {@code import {Pool as P} from 'pg'} gives local "P", imported "Pool";
 * a default import has imported "default"; a namespace import or a whole-module {@code require}
 * has imported "*". {@code const {Pool} = require('pg')} is an import too. A Java import names a
 * type ({@code java.sql.Connection}: local "Connection"), a static member, or a package wildcard
 * (local "*").
 */
public final class Import extends Node {
    public enum Kind { ESM, REQUIRE, JAVA, JAVA_STATIC }

    private final Kind kind;
    private final String module;
    private final String imported;
    private final String local;

    public Import(SourceRange range, Kind kind, String module, String imported, String local) {
        super(range);
        this.kind = kind;
        this.module = module;
        this.imported = imported;
        this.local = local;
    }

    public Kind kind() {
        return kind;
    }

    /** The module specifier ('pg', './db') or, for Java, the package or type the name comes from. */
    public String module() {
        return module;
    }

    public String imported() {
        return imported;
    }

    public String local() {
        return local;
    }

    public boolean isWildcard() {
        return "*".equals(local);
    }

    /** Relative specifiers name the project's own files. */
    public boolean isRelative() {
        return module.startsWith(".") || module.startsWith("/");
    }

    @Override
    public List<? extends Node> children() {
        return List.of();
    }
}
