package dev.prodlint.rules.swallowederror;

import dev.prodlint.analysis.CallClassifier;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.db.DbOp;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.Catch;
import dev.prodlint.model.stmt.ExprStmt;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Stmt;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Asynchronous work started as a statement and never observed: a promise that is not awaited,
 * returned or given a {@code .catch} (TypeScript/JavaScript), a {@code Future} dropped from
 * {@code executor.submit} or a {@code CompletableFuture} with no error handling (Java).
 */
final class FloatingCalls {
    private static final Set<Role> IO = EnumSet.of(Role.DB_QUERY, Role.DB_WRITE, Role.MANAGED_QUERY, Role.HTTP_REQUEST, Role.MESSAGE_SEND,
            Role.TRANSACTION);
    /** Chain methods that observe a failure. */
    private static final Set<String> OBSERVERS = Set.of("catch", "exceptionally", "handle", "handleAsync", "whenComplete", "whenCompleteAsync",
            "exceptionallyCompose", "join", "get", "subscribe", "exec", "finally");
    private static final Pattern EXECUTOR = Pattern.compile("(?i).*(executor|pool|threadpool|executorservice|scheduler)s?$");
    /** ORMs whose queries are lazy: nothing is sent until someone awaits or calls then/exec. */
    private static final Pattern LAZY = Pattern.compile("(?i)(prisma|mongoose|knex|drizzle|kysely)");

    private final ModuleContext ctx;
    private final SourceModule m;

    FloatingCalls(ModuleContext ctx) {
        this.ctx = ctx;
        this.m = ctx.module();
    }

    List<Verdict> find() {
        List<Verdict> out = new ArrayList<>();
        m.walk(n -> {
            if (!(n instanceof ExprStmt st) || !(st.expr() instanceof Call top)) return;
            FunctionDecl f = st.enclosingFunction();
            if (f == null || f.kind() == FunctionDecl.Kind.MODULE_BODY) return;
            Optional<Verdict> v = m.language() == Language.JAVA ? task(top) : promise(top);
            v.ifPresent(out::add);
        });
        return out;
    }

    private Optional<Verdict> promise(Call top) {
        List<Call> chain = chain(top);
        for (Call c : chain) {
            String name = c.methodName();
            if (name != null && (OBSERVERS.contains(name) && !name.equals("get") && !name.equals("finally")
                    || name.equals("then") && c.args().size() >= 2)) return Optional.empty();
        }
        Call base = chain.get(chain.size() - 1);
        for (Call c : chain) {
            // a chain that ends in then(fn) still floats; look at what it starts with
            if (!"then".equals(c.methodName())) {
                base = c;
                break;
            }
        }
        Call io = base;
        // MikroORM stages entities synchronously (persist, assign, remove); knex builders mutate a query awaited later
        if (io.methodName() != null && io.methodName().matches("persist|assign|remove|merge|increment|decrement|where\\w*|andWhere|orWhere")
                && !(io.receiver() != null && io.receiver().unwrap() instanceof Call)) {
            if (!io.methodName().matches("increment|decrement") || io.receiver() != null && io.receiver().unwrap() instanceof Name) return Optional.empty();
        }
        Optional<CallClassifier.CallMatch> match = ctx.calls().classify(io);
        // a guess from names alone (Sentry.metrics.count(), Metrics.increment()) needs the receiver to look like data access
        boolean guessed = match.map(x -> x.hinted() && x.typeId().startsWith("orm#")).orElse(false)
                && !ModelClasses.isModel(io) && !DATA_ROOT.matcher(String.valueOf(GuardedWork.rootName(io))).matches();
        Optional<DbOp> op = guessed ? Optional.empty() : ctx.db().ops().of(io).filter(o -> !o.isControl());
        // cache writes are fire-and-forget by design in most services: not reported (precision first)
        boolean ioCall = op.isPresent() || !guessed && match.map(x -> GuardedWork.io(x) && x.method().role() != Role.CACHE_WRITE).orElse(false);
        if (!ioCall) {
            FunctionDecl local = LocalFunctions.callee(io);
            if (local == null || !local.isAsync() || local.body() == null || io.isWithin(local)) return Optional.empty();
            if (GuardedWork.of(ctx, local.body()).kind() != GuardedWork.Kind.REAL || catchesEverything(local)) return Optional.empty();
        }
        // callback style: the callback gets the error
        if (callbackStyle(io) && match.map(x -> x.method().role() != Role.TRANSACTION).orElse(true)) return Optional.empty();
        String lib = match.map(CallClassifier.CallMatch::typeId).orElse("") + " " + Snippets.compact(m, io.callee());
        boolean lazy = op.isPresent() && LAZY.matcher(lib).find() && chain.size() == 1;
        return Optional.of(new Verdict(Form.FLOATING, Snippets.nameRange(m, io), io,
                new GuardedWork.Result(GuardedWork.Kind.REAL, io, "`" + Snippets.call(m, io) + "`"), lazy ? "lazy" : null));
    }

    private Optional<Verdict> task(Call top) {
        List<Call> chain = chain(top);
        for (Call c : chain) {
            if (c.methodName() != null && OBSERVERS.contains(c.methodName())) return Optional.empty();
        }
        Call base = chain.get(chain.size() - 1);
        String name = base.methodName();
        boolean submit = "submit".equals(name) && base.args().size() == 1 && executorReceiver(base);
        boolean async = ("runAsync".equals(name) || "supplyAsync".equals(name)) && base.receiver() != null
                && base.receiver().unwrap() instanceof Name n && n.id().equals("CompletableFuture");
        if (!submit && !async) return Optional.empty();
        Expr task = base.arg(0).unwrap();
        if (!(task instanceof Lambda l) || catchesEverything(l.function())) return Optional.empty();
        if (callsOnlyGuarded(l.function())) return Optional.empty();
        return Optional.of(new Verdict(Form.UNOBSERVED_TASK, Snippets.nameRange(m, base), base, GuardedWork.Result.NONE,
                submit ? "submit" : name));
    }

    private boolean executorReceiver(Call c) {
        String r = GuardedWork.receiverName(c);
        if (r != null && EXECUTOR.matcher(r).matches()) return true;
        return ctx.types().typesOf(c.receiver()).stream().anyMatch(t -> t.contains("Executor"));
    }

    /** A task whose work all sits in tries that catch everything (inside loops too) handles its own failures. */
    private static boolean catchesEverything(FunctionDecl f) {
        return f.body() != null && guarded(f.body().statements());
    }

    private static boolean guarded(List<Stmt> statements) {
        boolean any = false;
        for (Stmt s : statements) {
            if (s instanceof Try t && t.catches().stream().anyMatch(Catch::catchesAll)) {
                any = true;
                continue;
            }
            if (s instanceof dev.prodlint.model.stmt.Loop loop && loop.body() instanceof Block b && guarded(b.statements())) {
                any = true;
                continue;
            }
            // a guard that logs and leaves: if (!this.client.isReady) { logger.warn(...); return }
            if (s instanceof dev.prodlint.model.stmt.If i && quiet(i)) continue;
            // declarations and logging around the guarded work cannot fail in practice
            if (s instanceof dev.prodlint.model.stmt.VarDecl || s instanceof Return r && (r.value() == null || !(r.value() instanceof Call))) continue;
            if (s instanceof ExprStmt es && es.expr() instanceof Call c && c.methodName() != null
                    && c.methodName().matches("debug|info|trace|warn|log|countDown|set|incrementAndGet|decrementAndGet")) continue;
            return false;
        }
        return any;
    }

    private static boolean quiet(dev.prodlint.model.stmt.If i) {
        boolean[] loud = {false};
        i.walk(n -> {
            if (n instanceof Call c && !(c.methodName() != null && c.methodName().matches("debug|info|trace|warn|log|error"))
                    && !c.isWithin(i.condition())) loud[0] = true;
        });
        return !loud[0];
    }

    /** {@code () -> doWork()} where doWork is a method of this file that catches everything. */
    private static boolean callsOnlyGuarded(FunctionDecl lambda) {
        Block b = lambda.body();
        if (b == null || b.statements().size() != 1) return false;
        Stmt only = b.statements().get(0);
        Expr e = only instanceof ExprStmt es ? es.expr() : only instanceof Return r ? r.value() : null;
        if (!(e instanceof Call c)) return false;
        FunctionDecl callee = LocalFunctions.callee(c);
        return callee != null && catchesEverything(callee);
    }

    /** The calls of a method chain, outermost first: {@code a().b().c()} gives c, b, a. */
    private static List<Call> chain(Call top) {
        List<Call> out = new ArrayList<>();
        Expr e = top;
        while (e instanceof Call c) {
            out.add(c);
            e = c.callee() instanceof Member mem && mem.object() != null ? mem.object().unwrap() : null;
        }
        return out;
    }

    private static final Pattern DATA_ROOT = Pattern.compile("(?i)(prisma|db|database|tx|trx|knex|orm|em|entityManager|manager|dataSource|\\w*repo(sitory)?|\\w*Repository)");

    private static final Pattern CALLBACK = Pattern.compile("(?i)cb|callback|done|next|fn|handler|\\w*callback");

    /** The last argument is a callback: the call reports its error there, not through a promise. */
    private static boolean callbackStyle(Call c) {
        if (c.args().isEmpty()) return false;
        Expr last = c.args().get(c.args().size() - 1).unwrap();
        if (last instanceof Lambda l) return !l.function().isAsync() || c.args().size() > 1;
        return last instanceof Name n && (CALLBACK.matcher(n.id()).matches() || n.symbol() != null && n.symbol().declaration() instanceof FunctionDecl);
    }
}
