package dev.prodlint.analysis.request;

import dev.prodlint.model.expr.Expr;

/**
 * One thing a value may carry: client data of some kind, the verified principal, or (in a helper's
 * summary) one of the helper's parameters.
 *
 * @param origin    where the value comes from
 * @param field     the field it was read as or is stored under ({@code role} for
 *                  {@code req.body.role} or {@code { role: x }}), or null
 * @param whole     the value is the whole source object ({@code req.body}, a spread of it, a
 *                  {@code @RequestBody} parameter), not one of its fields
 * @param validated it passed a validator
 * @param at        the expression where it entered ({@code req.query.userId})
 * @param param     for {@link Origin#PARAM}: the parameter's index
 * @param copied    a Java copy of a request object ({@code BeanUtils.copyProperties}, a mapper): it has
 *                  the fields of the request's class, not necessarily of the entity it lands in
 * @param stored    the value sits under {@code field} of an object ({@code user.role = x}, {@code { role: x }}),
 *                  rather than being the field's value itself: reading another field of that object does not give it
 */
public record Taint(Origin origin, String field, boolean whole, boolean validated, Expr at, int param, boolean copied, boolean stored) {
    public Taint(Origin origin, String field, boolean whole, boolean validated, Expr at, int param) {
        this(origin, field, whole, validated, at, param, false, false);
    }

    public Taint(Origin origin, String field, boolean whole, boolean validated, Expr at, int param, boolean copied) {
        this(origin, field, whole, validated, at, param, copied, false);
    }

    public enum Origin {
        BODY("body"), QUERY("query string"), PARAMS("path"), HEADERS("headers"), COOKIES("cookies"),
        PRINCIPAL("verified principal"), PARAM("parameter");

        private final String what;

        Origin(String what) {
            this.what = what;
        }

        public String what() {
            return what;
        }
    }

    public static Taint source(Origin origin, String field, Expr at) {
        return new Taint(origin, field, field == null, false, at, -1);
    }

    /** True for data the client sends (not the principal, not a helper's parameter). */
    public boolean fromClient() {
        return origin != Origin.PRINCIPAL && origin != Origin.PARAM;
    }

    /** The value read as field {@code f} of this one. */
    public Taint field(String f) {
        return new Taint(origin, f, false, validated, at, param, copied, false);
    }

    /** A stored value read back out of its object. */
    public Taint asValue() {
        return stored ? new Taint(origin, field, whole, validated, at, param, copied, false) : this;
    }

    /** This value stored under {@code key} of an object: whole objects keep being whole (a spread). */
    public Taint storedAs(String key) {
        return whole ? this : new Taint(origin, key, false, validated, at, param, copied, true);
    }

    public Taint asValidated() {
        return validated ? this : new Taint(origin, field, whole, true, at, param, copied, stored);
    }

    public Taint asWhole() {
        return whole ? this : new Taint(origin, field, true, validated, at, param, copied, false);
    }

    public Taint asCopy() {
        return new Taint(origin, field, true, validated, at, param, true, false);
    }
}
