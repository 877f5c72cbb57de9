package dev.prodlint.analysis;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.apimodel.FunctionModel;
import dev.prodlint.apimodel.MethodModel;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.This;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Matches calls against the API models: which library method a call is, and what it does. */
public final class CallClassifier {
    private final TypeOracle types;
    private final ApiModels models;
    private final Map<Call, Optional<CallMatch>> cache = new IdentityHashMap<>();

    /**
     * @param typeId the receiver's type id the match was made on
     * @param hinted true when the receiver's type was only guessed from its name
     */
    public record CallMatch(String typeId, MethodModel method, boolean hinted) {
        public boolean is(dev.prodlint.apimodel.Role role) {
            return method.role() == role;
        }
    }

    CallClassifier(TypeOracle types, ApiModels models) {
        this.types = types;
        this.models = models;
    }

    public Optional<CallMatch> classify(Call call) {
        return classify(call, 0);
    }

    Optional<CallMatch> classify(Call call, int depth) {
        Optional<CallMatch> cached = cache.get(call);
        if (cached != null) return cached;
        Optional<CallMatch> result = compute(call, depth);
        cache.put(call, result);
        return result;
    }

    private Optional<CallMatch> compute(Call call, int depth) {
        String name = call.methodName();
        if (name == null) return Optional.empty();
        Expr receiver = call.receiver();
        if (receiver == null) {
            String ref = types.valueRef(call.callee());
            if (ref != null) {
                Optional<FunctionModel> f = models.function(ref);
                if (f.isPresent() && argsMatch(call, f.get().method())) return Optional.of(new CallMatch(ref, f.get().method(), false));
            }
            return call.callee() instanceof Name n && n.symbol() == null ? inherited(call, name) : Optional.empty();
        }
        if (receiver instanceof This) {
            Optional<CallMatch> m = inherited(call, name);
            if (m.isPresent()) return m;
        }
        Set<String> receiverTypes = types.typesOf(receiver, depth);
        for (String t : receiverTypes) {
            for (MethodModel m : models.methods(t, name)) {
                if (argsMatch(call, m)) return Optional.of(new CallMatch(t, m, false));
            }
        }
        String ref = types.valueRef(call.callee());
        if (ref != null) {
            Optional<FunctionModel> f = models.function(ref);
            if (f.isPresent() && argsMatch(call, f.get().method())) return Optional.of(new CallMatch(ref, f.get().method(), false));
        }
        if (receiverTypes.stream().noneMatch(t -> models.type(t).isPresent())) {
            String hintName = receiverName(receiver);
            java.util.List<String> names = new java.util.ArrayList<>();
            if (hintName != null) names.add(hintName);
            // private final AccountRepository accounts: the project's own type name says what it is
            // (Java only: in JavaScript `new Prometheus()` is an instance, not the class a hint names)
            for (String t : types.isJava() ? receiverTypes : java.util.Set.<String>of()) {
                String simple = t.substring(Math.max(t.lastIndexOf('.'), t.lastIndexOf('#')) + 1);
                if (!simple.isEmpty() && !simple.equals(hintName)) names.add(simple);
            }
            for (String n : names) {
                for (String t : models.hintedTypes(n, types.isJava())) {
                    for (MethodModel m : models.methods(t, name)) {
                        if (argsMatch(call, m)) return Optional.of(new CallMatch(t, m, true));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * A method the enclosing class inherits from a modelled superclass, called on {@code this} or
     * without a receiver (MyBatis-Plus {@code ServiceImpl.getById}). Only when the class does not
     * declare a method of that name itself.
     */
    private Optional<CallMatch> inherited(Call call, String name) {
        dev.prodlint.model.ClassDecl owner = call.ancestor(dev.prodlint.model.ClassDecl.class);
        if (owner == null || owner.superclass() == null || !owner.methods(name).isEmpty()) return Optional.empty();
        for (String t : types.qualify(owner.superclass())) {
            for (MethodModel m : models.methods(t, name)) {
                if (argsMatch(call, m)) return Optional.of(new CallMatch(t, m, false));
            }
        }
        return Optional.empty();
    }

    /**
     * One argument constraint: {@code <function>} wants a function or method reference,
     * {@code {NX}} an object literal with that property; anything else is a literal, exact or a
     * glob with {@code *}, compared without case (Redis flags are written both ways).
     */
    private static boolean argMatches(Expr arg, String expected) {
        if (expected.equals("<function>")) {
            return arg instanceof dev.prodlint.model.expr.Lambda
                    || arg instanceof dev.prodlint.model.expr.OtherExpr o && o.kind().startsWith("method-reference");
        }
        if (expected.startsWith("{") && expected.endsWith("}")) {
            return arg instanceof dev.prodlint.model.expr.ObjectLit o && o.get(expected.substring(1, expected.length() - 1)) != null;
        }
        return arg instanceof Literal l && l.value() != null && literalMatches(expected, l.value());
    }

    private static boolean literalMatches(String expected, String actual) {
        if (!expected.contains("*")) return expected.equalsIgnoreCase(actual);
        StringBuilder regex = new StringBuilder();
        for (String part : expected.split("\\*", -1)) {
            if (regex.length() > 0) regex.append(".*");
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return java.util.regex.Pattern.compile(regex.toString(), java.util.regex.Pattern.CASE_INSENSITIVE).matcher(actual).matches();
    }

    /** The name a receiver is known by: {@code pool}, {@code this.pool}, {@code db.pool} all give "pool". */
    static String receiverName(Expr receiver) {
        Expr r = receiver.unwrap();
        if (r instanceof Name n) return n.id();
        if (r instanceof Member m && m.property() != null && (m.object() instanceof This || m.object().unwrap() instanceof Name)) {
            return m.property();
        }
        return null;
    }

    private static boolean argsMatch(Call call, MethodModel m) {
        return argsMatch(call.args(), m);
    }

    private static boolean argsMatch(java.util.List<Expr> args, MethodModel m) {
        if (m.arity() != null && args.size() != m.arity()) return false;
        for (Map.Entry<String, String> e : m.args().entrySet()) {
            int i = Integer.parseInt(e.getKey());
            Expr arg = i < args.size() ? args.get(i) : null;
            if (arg == null || !argMatches(arg, e.getValue())) return false;
        }
        return true;
    }

    /** A constructor call against the rows named {@code <init>} of the constructed type. */
    public Optional<CallMatch> classify(dev.prodlint.model.expr.New n) {
        for (String t : types.typesOf(n)) {
            for (MethodModel m : models.methods(t, "<init>")) {
                if (argsMatch(n.args(), m)) return Optional.of(new CallMatch(t, m, false));
            }
        }
        return Optional.empty();
    }

}
