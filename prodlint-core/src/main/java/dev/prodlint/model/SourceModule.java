package dev.prodlint.model;

import java.util.ArrayList;
import java.util.List;

/**
 * One source file lowered into the model: its imports, its classes, and its top-level code as the
 * body of a synthetic {@link FunctionDecl.Kind#MODULE_BODY} function (top-level function
 * declarations are statements of that body).
 */
public final class SourceModule extends Node {
    private final String path;
    private final Language language;
    private final SourceText text;
    private final List<Import> imports;
    private final List<ClassDecl> classes;
    private final FunctionDecl body;
    private List<FunctionDecl> allFunctions;
    private List<ClassDecl> allClasses;

    public SourceModule(String path, Language language, SourceText text, List<Import> imports,
                        List<ClassDecl> classes, FunctionDecl body) {
        super(text.fullRange());
        this.path = path;
        this.language = language;
        this.text = text;
        this.imports = List.copyOf(imports);
        this.classes = List.copyOf(classes);
        this.body = body;
    }

    /** The path relative to the scan root, with '/' separators. */
    public String path() {
        return path;
    }

    public Language language() {
        return language;
    }

    public SourceText text() {
        return text;
    }

    public List<Import> imports() {
        return imports;
    }

    public List<ClassDecl> classes() {
        return classes;
    }

    public FunctionDecl body() {
        return body;
    }

    /** Every function in the file, nested ones included, in source order. */
    public List<FunctionDecl> allFunctions() {
        if (allFunctions == null) {
            List<FunctionDecl> out = new ArrayList<>();
            walk(n -> {
                if (n instanceof FunctionDecl f) out.add(f);
            });
            out.sort((a, b) -> Integer.compare(a.range().startOffset(), b.range().startOffset()));
            allFunctions = List.copyOf(out);
        }
        return allFunctions;
    }


    /** Every class in the file, nested and local ones included, in source order. */
    public List<ClassDecl> allClasses() {
        if (allClasses == null) {
            List<ClassDecl> out = new ArrayList<>();
            walk(n -> {
                if (n instanceof ClassDecl c) out.add(c);
            });
            out.sort((a, b) -> Integer.compare(a.range().startOffset(), b.range().startOffset()));
            allClasses = List.copyOf(out);
        }
        return allClasses;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(imports);
        out.addAll(classes);
        out.add(body);
        return out;
    }
}
