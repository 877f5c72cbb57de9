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
            return Optional.empty();
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
            if (hintName != null) {
                for (String t : models.hintedTypes(hintName)) {
                    for (MethodModel m : models.methods(t, name)) {
                        if (argsMatch(call, m)) return Optional.of(new CallMatch(t, m, true));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A literal argument constraint: exact, or a glob with {@code *}. */
    private static boolean argMatches(String expected, String actual) {
        if (!expected.contains("*")) return expected.equals(actual);
        StringBuilder regex = new StringBuilder();
        for (String part : expected.split("\\*", -1)) {
            if (regex.length() > 0) regex.append(".*");
            regex.append(java.util.regex.Pattern.quote(part));
        }
        return actual.matches(regex.toString());
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
        for (Map.Entry<String, String> e : m.args().entrySet()) {
            Expr arg = call.arg(Integer.parseInt(e.getKey()));
            if (!(arg instanceof Literal l) || l.value() == null || !argMatches(e.getValue(), l.value())) return false;
        }
        return true;
    }

}
