package dev.prodlint.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A class, interface, enum or record, with its fields, methods and nested classes. */
public final class ClassDecl extends Node {
    private final String name;
    private final TypeRef superclass;
    private final List<TypeRef> interfaces;
    private final List<Annotation> annotations;
    private final List<FieldDecl> fields;
    private final List<FunctionDecl> methods;
    private final List<ClassDecl> nestedClasses;

    public ClassDecl(SourceRange range, String name, TypeRef superclass, List<TypeRef> interfaces,
                     List<Annotation> annotations, List<FieldDecl> fields, List<FunctionDecl> methods,
                     List<ClassDecl> nestedClasses) {
        super(range);
        this.name = name;
        this.superclass = superclass;
        this.interfaces = List.copyOf(interfaces);
        this.annotations = List.copyOf(annotations);
        this.fields = List.copyOf(fields);
        this.methods = List.copyOf(methods);
        this.nestedClasses = List.copyOf(nestedClasses);
    }

    public String name() {
        return name;
    }

    public TypeRef superclass() {
        return superclass;
    }

    public List<TypeRef> interfaces() {
        return interfaces;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    public List<FieldDecl> fields() {
        return fields;
    }

    public List<FunctionDecl> methods() {
        return methods;
    }

    public List<ClassDecl> nestedClasses() {
        return nestedClasses;
    }

    public Optional<FieldDecl> field(String fieldName) {
        for (FieldDecl f : fields) {
            if (fieldName.equals(f.name())) return Optional.of(f);
        }
        return Optional.empty();
    }

    public List<FunctionDecl> methods(String methodName) {
        List<FunctionDecl> out = new ArrayList<>();
        for (FunctionDecl m : methods) {
            if (methodName.equals(m.name())) out.add(m);
        }
        return out;
    }

    @Override
    public List<? extends Node> children() {
        List<Node> out = new ArrayList<>(annotations);
        out.addAll(fields);
        out.addAll(methods);
        out.addAll(nestedClasses);
        return out;
    }
}
