package dev.prodlint.analysis.db;

import dev.prodlint.analysis.CallClassifier.CallMatch;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.Annotation;
import dev.prodlint.model.ClassDecl;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.ArrayLit;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.ObjectLit;
import dev.prodlint.model.expr.This;
import dev.prodlint.model.stmt.Synchronized;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which transaction, and which lock, a database operation runs under: transaction callbacks,
 * BEGIN ... COMMIT on a connection, a transaction passed along, Spring's {@code @Transactional}
 * (where the proxy applies), a transaction its caller supplies; application locks and
 * {@code synchronized}.
 */
public final class Transactions {
    /** Project helpers and libraries whose function argument runs in a transaction, by name. */
    private static final Pattern TX_NAME = Pattern.compile(
            "(?i)^(\\$transaction|transaction|transactional|withTransaction|inTransaction|runInTransaction|useTransaction|transactionResult"
                    + "|executeInTransaction|runTransaction|doInTransaction|withTx|inTx|tx|atomic|atomically|executeWithoutResult)$");
    /** A client bound to the ambient transaction: txClient(), getTransactionClient(), currentTransaction(). */
    private static final Pattern TX_CLIENT = Pattern.compile("(?i).*(txclient|transactionclient|currenttransaction|gettransaction|gettx).*");
    /** A call that takes a lock by its name: lockUserRequest(...), acquireLock(...), tryLock(...). */
    private static final Pattern LOCKING_CALL = Pattern.compile("(?i)^(?!.*(unlock|release|block|clock|islocked|getlock)).*lock.*");
    private static final Pattern LOCK_NAME = Pattern.compile("(?i)^(lock|tryLock|acquire|runExclusive|withLock|lockInterruptibly|using)$");

    /** How an operation is covered: by no transaction, by one (serializable or not), or by its caller's. */
    public record Scope(boolean transaction, boolean serializable, String how) {
        static final Scope NONE = new Scope(false, false, null);
    }

    private final ModuleContext ctx;
    private final DbOps ops;
    private final Map<FunctionDecl, Boolean> calledInTx = new IdentityHashMap<>();

    public Transactions(ModuleContext ctx, DbOps ops) {
        this.ctx = ctx;
        this.ops = ops;
    }

    public Scope of(DbOp op, FunctionDecl unit) {
        return scopeAt(op.call(), unit, op, 0);
    }

    private Scope scopeAt(Node at, FunctionDecl unit, DbOp op, int depth) {
        // a transaction callback, or the array of prisma.$transaction([...])
        for (Node p = at.parent(); p != null && p != unit.parent(); p = p.parent()) {
            if ((p instanceof Lambda || p instanceof ArrayLit) && p.parent() instanceof Call c && c.args().contains(p) && isTransactionCall(c)) {
                return new Scope(true, serializable(c), dev.prodlint.rules.Snippets.code(ctx.module(), c.callee()));
            }
            // transactionTemplate.execute(new TransactionCallbackWithoutResult() { ... })
            if (p instanceof dev.prodlint.model.expr.New nw && nw.parent() instanceof Call c && c.args().contains(nw)
                    && (isTransactionCall(c) || nw.type() != null && nw.type().simpleName().contains("Transaction"))) {
                return new Scope(true, serializable(c), dev.prodlint.rules.Snippets.code(ctx.module(), c.callee()));
            }
        }
        if (ctx.module().language() == Language.JAVA) {
            Scope s = annotated(unit);
            if (s.transaction()) return s;
            // transactionTemplate.execute(new TransactionCallbackWithoutResult() { protected void doInTransaction...(...) { ... } })
            if (unit.owner() != null && unit.owner().parent() instanceof dev.prodlint.model.expr.New nw
                    && (nw.parent() instanceof Call c && isTransactionCall(c) || nw.type() != null && nw.type().simpleName().contains("Transaction"))) {
                return new Scope(true, false, "TransactionCallback");
            }
        }
        if (op != null) {
            Scope s = begun(op, unit);
            if (s.transaction()) return s;
            if (passesTransaction(op) || receiverIsParameter(op)) return new Scope(true, false, "caller");
        }
        if (depth < 3 && allCallersInTransaction(unit, depth)) return new Scope(true, false, "callers");
        return Scope.NONE;
    }

    /** Spring/Jakarta {@code @Transactional} on the method or its class, where the proxy applies (not on private methods). */
    public Scope annotated(FunctionDecl unit) {
        if (unit.modifiers().contains("private") || unit.modifiers().contains("static")) return Scope.NONE;
        Annotation a = transactional(unit.annotations());
        ClassDecl owner = unit.owner();
        if (a == null && owner != null) a = transactional(owner.annotations());
        if (a == null && owner != null && declaredTransactional(owner, unit)) return new Scope(true, false, "@Transactional");
        if (a == null && ops.index().declarative().covers(javaPackage(), unit.name())) return new Scope(true, false, "<tx:advice>");
        if (a == null) return Scope.NONE;
        String args = a.arguments().values().stream().map(e -> ctx.module().text().slice(e.range())).reduce("", String::concat);
        if (args.contains("NOT_SUPPORTED") || args.contains("NEVER") || args.contains("SUPPORTS")) return Scope.NONE;
        return new Scope(true, args.contains("SERIALIZABLE"), "@Transactional");
    }

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");
    private String javaPackage;

    /** The file's Java package, read from its declaration. */
    private String javaPackage() {
        if (javaPackage == null) {
            String text = ctx.module().text().content();
            java.util.regex.Matcher m = PACKAGE.matcher(text.length() > 4000 ? text.substring(0, 4000) : text);
            javaPackage = m.find() ? m.group(1) : "";
        }
        return javaPackage;
    }

    /** @Transactional on the interface method (or interface) this method implements, declared anywhere in the project. */
    private boolean declaredTransactional(ClassDecl owner, FunctionDecl unit) {
        DbIndex index = ops.index();
        List<dev.prodlint.model.TypeRef> supers = new ArrayList<>(owner.interfaces());
        if (owner.superclass() != null) supers.add(owner.superclass());
        for (dev.prodlint.model.TypeRef t : supers) {
            if (index.transactionalIn(t.simpleName(), unit.name(), unit.params().size())) return true;
        }
        return false;
    }

    /** The annotation is there but the proxy does not apply it: a private method. */
    public static boolean ignoredTransactional(FunctionDecl unit) {
        return unit.modifiers().contains("private") && transactional(unit.annotations()) != null;
    }

    public static Annotation transactional(List<Annotation> annotations) {
        for (Annotation a : annotations) if (DbIndex.TRANSACTIONAL.contains(a.simpleName())) return a;
        return null;
    }

    private boolean isTransactionCall(Call c) {
        Optional<CallMatch> m = ctx.calls().classify(c);
        if (m.isPresent() && m.get().method().role() == Role.TRANSACTION) return true;
        String n = c.methodName();
        return n != null && TX_NAME.matcher(n).matches();
    }

    private boolean serializable(Call c) {
        for (Expr a : c.args()) {
            if (a instanceof Lambda) continue;
            if (ctx.module().text().slice(a.range()).toLowerCase(Locale.ROOT).contains("serializ")) return true;
        }
        return false;
    }

    /** A BEGIN (or setAutoCommit(false), startTransaction()) earlier in the function, not yet committed. */
    private Scope begun(DbOp op, FunctionDecl unit) {
        boolean open = false;
        boolean serial = false;
        for (DbOp o : ops.in(unit)) {
            if (o.start() >= op.start()) break;
            if (o.kind() == DbOp.Kind.BEGIN) open = true;
            else if (o.kind() == DbOp.Kind.SERIALIZABLE) {
                open = true;
                serial = true;
            } else if ((o.kind() == DbOp.Kind.COMMIT || o.kind() == DbOp.Kind.ROLLBACK) && !inCatchOrFinally(o.anchorCall())
                    && !Paths.exclusive(o.anchorCall(), op.anchorCall())) {
                open = false;
            }
        }
        return open ? new Scope(true, serial, "BEGIN") : Scope.NONE;
    }

    /** Compensation and cleanup: code in a catch or a finally. */
    public static boolean inCatchOrFinally(Node n) {
        for (Node p = n.parent(); p != null && !(p instanceof FunctionDecl); p = p.parent()) {
            if (p instanceof dev.prodlint.model.stmt.Catch) return true;
            if (p.parent() instanceof dev.prodlint.model.stmt.Try t && t.finalizer() == p) return true;
        }
        return false;
    }

    /** { transaction: t }, { session }, .transacting(trx), .session(s), .useTransaction(t). */
    private static boolean passesTransaction(DbOp op) {
        Expr cur = op.call();
        for (int i = 0; i < 40 && cur != null && cur.unwrap() instanceof Call c; i++) {
            String n = c.methodName();
            if (n != null && (n.equals("transacting") || n.equals("session") || n.equals("useTransaction") || n.equals("setTransaction"))) return true;
            for (Expr a : c.args()) {
                if (a.unwrap() instanceof ObjectLit o && (o.get("transaction") != null || o.get("session") != null)) return true;
            }
            cur = c.receiver();
        }
        return false;
    }

    /** The statement goes through a client, transaction or manager the function was handed: its caller decides. */
    private static boolean receiverIsParameter(DbOp op) {
        Expr cur = op.call();
        for (int i = 0; i < 40 && cur != null; i++) {
            Expr u = cur.unwrap();
            if (u instanceof Call c) cur = c.receiver() != null ? c.receiver() : c.callee();
            else if (u instanceof Member m) cur = m.object();
            else break;
        }
        if (cur == null || !(cur.unwrap() instanceof Name n) || n.symbol() == null) return false;
        Symbol s = n.symbol();
        if (s.kind() == Symbol.Kind.LOCAL && s.initializer() != null) {
            Expr init = s.initializer().unwrap();
            // const { tx } = ctx (a parameter); const prisma = this.prismaService.txClient()
            if (init instanceof Name in && in.symbol() != null && in.symbol().kind() == Symbol.Kind.PARAMETER) return true;
            if (init instanceof Member im && im.object().unwrap() instanceof Name in && in.symbol() != null && in.symbol().kind() == Symbol.Kind.PARAMETER) return true;
            return init instanceof Call ic && ic.methodName() != null && TX_CLIENT.matcher(ic.methodName()).matches();
        }
        if (s.kind() != Symbol.Kind.PARAMETER) return false;
        // a Spring controller's injected parameter is not a caller's transaction
        return !(s.declaredType() != null && s.declaredType().simpleName().endsWith("Repository"));
    }

    /** Every call to this function in its file runs inside a transaction (a helper of a transactional method). */
    private boolean allCallersInTransaction(FunctionDecl unit, int depth) {
        Boolean hit = calledInTx.get(unit);
        if (hit != null) return hit;
        calledInTx.put(unit, false);
        String name = unit.name();
        if (name == null) return false;
        List<Call> callers = new ArrayList<>();
        for (Call c : callsNamed().getOrDefault(name, List.of())) {
            if (c.args().size() == unit.params().size() && (c.receiver() == null || c.receiver().unwrap() instanceof This)) callers.add(c);
        }
        // and a function passed by name to a transaction: db.transaction(applyTransfer)
        boolean passed = false;
        for (Call c : passedByName().getOrDefault(name, List.of())) if (isTransactionCall(c)) passed = true;
        boolean all = passed;
        if (!passed && !callers.isEmpty()) {
            all = true;
            for (Call c : callers) {
                FunctionDecl caller = unitOf(c);
                if (caller == null || caller == unit || !scopeAt(c, caller, null, depth + 1).transaction()) {
                    all = false;
                    break;
                }
            }
        }
        calledInTx.put(unit, all);
        return all;
    }

    private Map<String, List<Call>> callsByName;
    private Map<String, List<Call>> callsPassing;

    /** Every call of the file by method name, found in one walk. */
    private Map<String, List<Call>> callsNamed() {
        if (callsByName == null) index();
        return callsByName;
    }

    /** The calls that pass a name as an argument: db.transaction(applyTransfer). */
    private Map<String, List<Call>> passedByName() {
        if (callsPassing == null) index();
        return callsPassing;
    }

    private void index() {
        callsByName = new java.util.HashMap<>();
        callsPassing = new java.util.HashMap<>();
        ctx.module().walk(n -> {
            if (!(n instanceof Call c)) return;
            if (c.methodName() != null) callsByName.computeIfAbsent(c.methodName(), k -> new ArrayList<>()).add(c);
            for (Expr a : c.args()) {
                if (a.unwrap() instanceof Name an) callsPassing.computeIfAbsent(an.id(), k -> new ArrayList<>()).add(c);
            }
        });
    }

    /** The outermost function around a node below the module body: the unit the rules judge. */
    public static FunctionDecl unitOf(Node n) {
        FunctionDecl unit = null;
        for (Node p = n.parent(); p != null; p = p.parent()) {
            if (p instanceof FunctionDecl f && f.kind() != FunctionDecl.Kind.MODULE_BODY) {
                unit = f;
                // a method of an anonymous class belongs to the function that creates it, like a lambda
                if (f.owner() != null && !(f.owner().parent() instanceof dev.prodlint.model.expr.New)) break;
            }
        }
        return unit;
    }

    /** An application lock or {@code synchronized} held where the node runs. */
    public boolean appLocked(Node at, FunctionDecl unit) {
        for (Node p = at.parent(); p != null && p != unit.parent(); p = p.parent()) {
            if (p instanceof Synchronized) return true;
            if (p instanceof FunctionDecl f && f.modifiers().contains("synchronized")) return true;
            if (p instanceof Lambda && p.parent() instanceof Call c && c.args().contains(p)) {
                Optional<CallMatch> m = ctx.calls().classify(c);
                if (m.isPresent() && (m.get().method().role() == Role.LOCKED_CALLBACK || m.get().method().role() == Role.LOCK)) return true;
                if (c.methodName() != null && LOCK_NAME.matcher(c.methodName()).matches() && lockish(c)) return true;
            }
        }
        boolean[] locked = {false};
        int pos = at.range().startOffset();
        unit.body().walk(n -> {
            if (locked[0] || !(n instanceof Call c) || c.range().startOffset() >= pos) return;
            Optional<CallMatch> m = ctx.calls().classify(c);
            if (m.isPresent() && m.get().method().role() == Role.LOCK) locked[0] = true;
            else if (c.methodName() != null && LOCK_NAME.matcher(c.methodName()).matches() && lockish(c)) locked[0] = true;
            else if (c.methodName() != null && LOCKING_CALL.matcher(c.methodName()).matches()) locked[0] = true;
        });
        return locked[0] || callersLocked(unit);
    }

    /** The calls of this function in its own file (by name and arity). */
    public List<Call> callers(FunctionDecl unit) {
        if (unit.name() == null) return List.of();
        List<Call> out = new ArrayList<>();
        for (Call c : callsNamed().getOrDefault(unit.name(), List.of())) if (c.args().size() == unit.params().size() && !c.isWithin(unit)) out.add(c);
        return out;
    }

    /** Every same-file call of the function sits in a synchronized block or method (through a proxy too: AopContext.currentProxy()). */
    private boolean callersLocked(FunctionDecl unit) {
        if (unit.name() == null) return false;
        List<Call> callers = callsNamed().getOrDefault(unit.name(), List.of());
        if (callers.isEmpty()) return false;
        for (Call c : callers) {
            if (c.args().size() != unit.params().size() || c.isWithin(unit)) return false;
            boolean sync = false;
            for (Node p = c.parent(); p != null; p = p.parent()) {
                if (p instanceof Synchronized || p instanceof FunctionDecl f && f.modifiers().contains("synchronized")) {
                    sync = true;
                    break;
                }
            }
            if (!sync) return false;
        }
        return true;
    }

    private boolean lockish(Call c) {
        String recv = c.receiver() == null ? "" : ctx.module().text().slice(c.receiver().range()).toLowerCase(Locale.ROOT);
        return recv.contains("lock") || recv.contains("mutex") || recv.contains("semaphore") || recv.contains("redlock");
    }
}
