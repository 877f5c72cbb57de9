package dev.prodlint.rules.swallowederror;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.TypeRef;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Lambda;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.stmt.Block;
import dev.prodlint.model.stmt.ExprStmt;
import dev.prodlint.model.stmt.Jump;
import dev.prodlint.model.stmt.Return;
import dev.prodlint.model.stmt.Stmt;
import dev.prodlint.model.stmt.Throw;
import dev.prodlint.model.stmt.Try;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Decides what, if anything, is wrong with one catch. One verdict per catch: the worst loss. */
final class CatchJudge {

    private final ModuleContext ctx;
    private final SourceModule m;

    CatchJudge(ModuleContext ctx) {
        this.ctx = ctx;
        this.m = ctx.module();
    }

    Optional<Verdict> judge(CatchSite s) {
        if (inFinally(s.node()) || ExpectedFailures.inCleanup(s.function())) return Optional.empty();
        boolean java = m.language() == Language.JAVA;
        if (java && s.types().stream().anyMatch(t -> t.simpleName().equals("InterruptedException"))) return interrupt(s);
        if (java && ExpectedFailures.expected(s)) return Optional.empty();
        if (!java && unreachable(s)) return Optional.empty();
        GuardedWork.Result work = GuardedWork.of(ctx, s.guarded());
        // catching a database, network or messaging failure says the guarded code does I/O: enough to judge how it is logged
        // a promise that can reject is asynchronous work: I/O, unless it is something benign
        if (work.kind() == GuardedWork.Kind.UNKNOWN && s.isPromiseHandler() && !java) {
            work = new GuardedWork.Result(GuardedWork.Kind.REAL, null, "`" + Snippets.code(m, s.guarded()) + "`");
        }
        boolean io = work.kind() == GuardedWork.Kind.REAL || java && ExpectedFailures.ioFailure(s.types());
        // catch (SchedulerException e) {...} catch (Exception e) {...}: the I/O failure went to the earlier clause
        if (java && io && !ExpectedFailures.ioFailure(s.types()) && earlierClauseTookIo(s)) io = false;
        // without I/O in the try, what fails is the code's own logic, a lookup or a conversion: the stack is
        // in the next crash report anyway, and a catch there is usually a fallback
        if (!io) return Optional.empty();
        // a call into this file's method that catches everything itself: this catch is a second net
        if (onlyCallsGuarded(s.guarded())) return Optional.empty();
        // a probe or a validator: its failure, in words, is its answer
        if (ExpectedFailures.predicate(s.function()) || ExpectedFailures.validator(s.function())) return Optional.empty();
        if (work.kind() == GuardedWork.Kind.BENIGN || work.kind() == GuardedWork.Kind.NONE) return Optional.empty();
        if (s.handlerRef() != null) return handlerRef(s, work);
        Node body = s.body();
        if (body == null) return Optional.empty();
        Responses.Outcome outcome = Responses.outcome(body, m);
        if (outcome == Responses.Outcome.CLIENT_ERROR) return Optional.empty();
        if (reasonGiven(s)) return Optional.empty();

        String bodyText = Snippets.compact(m, body);
        if (bodyText.contains("process.exit(") || bodyText.contains("System.exit(")) return Optional.empty();
        List<Call> logs = new ArrayList<>();
        List<Call> prints = new ArrayList<>();
        List<Call> others = new ArrayList<>();
        List<Throw> throwsIn = new ArrayList<>();
        body.walk(n -> {
            if (n instanceof Call c) {
                if (isPrint(c)) prints.add(c);
                else if (isLog(c)) logs.add(c);
                else if (!Responses.isResponse(c) && sideEffect(c)) others.add(c);
            } else if (n instanceof Throw t) {
                throwsIn.add(t);
            }
        });
        CaughtError err = s.error();
        boolean loggedWhole = logs.stream().anyMatch(l -> err.use(l) == CaughtError.Use.WHOLE);

        // a new error thrown without the caught one
        for (Throw t : throwsIn) {
            if (t.enclosingFunction() != body.enclosingFunction()) continue;
            // a throw in a catch nested in this one answers that catch's error
            if (s.node() instanceof dev.prodlint.model.stmt.Catch && t.ancestor(dev.prodlint.model.stmt.Catch.class) != s.node()) continue;
            CaughtError.Use use = err.use(t.value());
            if (use == CaughtError.Use.WHOLE || loggedWhole) return Optional.empty();
            Expr v = t.value().unwrap();
            if (!(v instanceof New) && !(v instanceof Call)) return Optional.empty();
            if (ExpectedFailures.clientError(m, v, thrownName(v)) || decidedOn(t, err, body) || ExpectedFailures.sameType(v, s)) return Optional.empty();
            boolean loggedText = logs.stream().anyMatch(l -> err.use(l) == CaughtError.Use.MESSAGE);
            return Optional.of(new Verdict(Form.CAUSE_DROPPED, t.range(), t, work,
                    thrownName(v) + (use == CaughtError.Use.MESSAGE ? "|message" : loggedText ? "|logged-text" : "")));
        }
        if (!throwsIn.isEmpty()) return Optional.empty();

        if (!prints.isEmpty() && !loggedWhole) {
            Call p = prints.get(0);
            boolean loggedText = logs.stream().anyMatch(l -> err.use(l) == CaughtError.Use.MESSAGE);
            return Optional.of(new Verdict(Form.PRINTED, Snippets.nameRange(m, p), p, work, Snippets.code(m, p) + (loggedText ? "|logged-text" : "")));
        }
        // an attempt of a retry loop: the loop goes round, the last failure is what matters
        if (!logs.isEmpty() && RetryLoops.attempt(s)) return Optional.empty();
        if (!logs.isEmpty()) return logs(s, work, logs, loggedWhole, java, io);

        // nothing logged, thrown or printed
        if (err.use(body) != CaughtError.Use.NONE || !others.isEmpty()) return Optional.empty();
        if (Reasons.ignoredName(err.name())) return Optional.empty();
        if (work.kind() != GuardedWork.Kind.REAL) return Optional.empty();
        if (outcome == Responses.Outcome.SERVER_ERROR || outcome == Responses.Outcome.FAILURE) {
            // a probe (testSetup, checkHealth) answering its failure is doing its job
            if (ExpectedFailures.predicate(s.function())) return Optional.empty();
            return Optional.of(new Verdict(Form.FAILURE_UNLOGGED, s.at(), s.node(), work, outcome == Responses.Outcome.FAILURE ? "failure" : "500"));
        }
        String how = answersAsSuccess(body, outcome);
        if (how == null || how.startsWith("returns") && ExpectedFailures.predicate(s.function())) return Optional.empty();
        return Optional.of(new Verdict(Form.DISCARDED, s.at(), s.node(), work, how));
    }

    private Optional<Verdict> logs(CatchSite s, GuardedWork.Result work, List<Call> logs, boolean loggedWhole, boolean java, boolean io) {
        CaughtError err = s.error();
        if (loggedWhole) {
            // every log says nothing but the error: a message in another line of the catch is context
            for (Call l : logs) {
                if (!errorOnly(l, err)) return Optional.empty();
            }
            Call l = logs.get(0);
            return Optional.of(new Verdict(Form.NO_CONTEXT, Snippets.nameRange(m, l), l, work, Snippets.code(m, l)));
        }
        for (Call l : logs) {
            if (err.use(l) == CaughtError.Use.MESSAGE) {
                if (java && !ExpectedFailures.broad(s) || diagnostic(l)) return Optional.empty();
                return Optional.of(new Verdict(Form.STACK_DROPPED, Snippets.nameRange(m, l), l, work, Snippets.code(m, l)));
            }
        }
        if (err.use(s.body()) != CaughtError.Use.NONE) return Optional.empty();
        // a specific exception caught by its type says what happened; only a broad catch loses it
        if (java && !ExpectedFailures.broad(s)) return Optional.empty();
        if (!io || Reasons.ignoredName(err.name())) return Optional.empty();
        Call l = logs.get(0);
        if (diagnostic(l)) return Optional.empty();
        return Optional.of(new Verdict(Form.LOGGED_WITHOUT_ERROR, Snippets.nameRange(m, l), l, work, Snippets.code(m, l)));
    }

    /** {@code .catch(console.error)}, {@code .catch(() => {})} written as a reference ({@code .catch(noop)}). */
    private Optional<Verdict> handlerRef(CatchSite s, GuardedWork.Result work) {
        Expr h = s.handlerRef();
        if (h instanceof Member mem && mem.object() != null && isLoggerRef(mem)) {
            return Optional.of(new Verdict(Form.NO_CONTEXT, s.at(), s.node(), work, Snippets.code(m, h)));
        }
        if (h instanceof Name n && n.id().matches("(?i)noop|_?\\.?noop|ignore|ignoreErrors?|nothing") && work.kind() == GuardedWork.Kind.REAL) {
            return Optional.of(new Verdict(Form.DISCARDED, s.at(), s.node(), work, "ignores it (`" + n.id() + "`)"));
        }
        return Optional.empty();
    }

    private boolean isLoggerRef(Member mem) {
        String p = mem.property();
        if (p == null || !p.matches("log|error|warn|info|debug|trace")) return false;
        Expr o = mem.object().unwrap();
        String name = o instanceof Name n ? n.id() : o instanceof Member om ? om.property() : null;
        return name != null && name.matches("(?i)console|logger|log|\\w*logger");
    }

    private Optional<Verdict> interrupt(CatchSite s) {
        boolean[] handled = {false};
        s.body().walk(n -> {
            if (n instanceof Call c && "interrupt".equals(c.methodName())) handled[0] = true;
            if (n instanceof Throw) handled[0] = true;
            // kept for later: caught = ex; ... throw caught
            if (n instanceof dev.prodlint.model.expr.Assign a && s.error().isRef(a.value() == null ? null : a.value().unwrap())) handled[0] = true;
        });
        if (handled[0] || inShutdownLoop(s) || StopLoops.guarded(s.node())) return Optional.empty();
        return Optional.of(new Verdict(Form.INTERRUPT, s.at(), s.node(), GuardedWork.Result.NONE, null));
    }

    /** A catch that ends the thread's work (returns out of run(), breaks the loop) has obeyed the interrupt. */
    private boolean inShutdownLoop(CatchSite s) {
        // the last thing a thread's body does: ending it is obeying the interrupt (straight-line code may follow)
        if (s.node().parent() instanceof Try t && t.parent() instanceof Block outer && outer.parent() instanceof FunctionDecl fn
                && (fn.kind() == FunctionDecl.Kind.LAMBDA || fn.kind() == FunctionDecl.Kind.ARROW || "run".equals(fn.name()) || "call".equals(fn.name())
                    || fn.name() != null && fn.name().matches("execute(Internal)?") && fn.owner() != null
                    && fn.owner().interfaces().stream().anyMatch(it -> it.simpleName().matches("Job|Runnable|Callable|StatefulJob"))
                    || fn.owner() != null && fn.owner().superclass() != null && fn.owner().superclass().simpleName().equals("QuartzJobBean"))) {
            List<Stmt> after = outer.statements().subList(outer.statements().indexOf(t) + 1, outer.statements().size());
            if (after.stream().noneMatch(st -> st instanceof dev.prodlint.model.stmt.Loop || Snippets.compact(m, st).matches(".*(sleep|await|wait|join|take|poll)\\(.*"))) return true;
        }
        if (!(s.body() instanceof Block b) || b.statements().isEmpty()) return false;
        Stmt last = b.statements().get(b.statements().size() - 1);
        if (last instanceof Jump j && j.kind() == Jump.Kind.BREAK) return true;
        if (last instanceof Return) {
            FunctionDecl f = s.function();
            return f != null && "run".equals(f.name());
        }
        return false;
    }

    private static boolean onlyCallsGuarded(Node guarded) {
        if (!(guarded instanceof Block b) || b.statements().size() != 1) return false;
        Stmt only = b.statements().get(0);
        Expr e = only instanceof ExprStmt es ? es.expr() : only instanceof Return r ? r.value() : only instanceof dev.prodlint.model.stmt.VarDecl ? null : null;
        if (e instanceof dev.prodlint.model.expr.Assign a) e = a.value();
        if (e == null || !(e.unwrap() instanceof Call c)) return false;
        FunctionDecl callee = dev.prodlint.analysis.LocalFunctions.callee(c);
        if (callee == null || callee.body() == null) return false;
        return callee.body().statements().stream().anyMatch(st -> st instanceof Try t && t.catches().stream().anyMatch(dev.prodlint.model.stmt.Catch::catchesAll))
                && callee.body().statements().stream().allMatch(st -> st instanceof Try || st instanceof Return || st instanceof dev.prodlint.model.stmt.VarDecl);
    }

    private static boolean earlierClauseTookIo(CatchSite s) {
        if (!(s.node() instanceof dev.prodlint.model.stmt.Catch c) || !(c.parent() instanceof Try t)) return false;
        for (dev.prodlint.model.stmt.Catch other : t.catches()) {
            if (other == c) return false;
            if (ExpectedFailures.ioFailure(other.types())) return true;
        }
        return false;
    }

    /** {@code try { return this.svc.load(id) } catch ...} in an async function: a rejection is returned, not thrown here. */
    private static boolean unreachable(CatchSite s) {
        if (!(s.node().parent() instanceof Try t) || t.body().statements().size() != 1) return false;
        FunctionDecl f = s.function();
        return f != null && f.isAsync() && t.body().statements().get(0) instanceof Return r && r.value() instanceof Call;
    }

    /** Whether the catch, or the space before it ({@code } // why \n catch (...)}), says why the error may be ignored. */
    private boolean reasonGiven(CatchSite s) {
        if (!(s.node() instanceof dev.prodlint.model.stmt.Catch c) || !(c.parent() instanceof Try t)) return Reasons.given(m, s.body());
        int start = t.body().range().endOffset();
        for (dev.prodlint.model.stmt.Catch other : t.catches()) {
            if (other == c) break;
            start = other.range().endOffset();
        }
        return Reasons.given(m, start, c.range().endOffset());
    }

    /** The log's arguments are the error and nothing else ({@code console.error(err)}, {@code log.error("", e)}). */
    private boolean errorOnly(Call l, CaughtError err) {
        if (l.methodName() != null && l.methodName().matches("capture\\w*|notify|noticeError")) return false;
        for (Expr a : l.args()) {
            Expr u = a.unwrap();
            if (err.isRef(u)) continue;
            if (u instanceof Literal lit && (lit.value() == null || lit.value().isBlank())) continue;
            return false;
        }
        return true;
    }

    private static final Pattern LOG_LEVEL = Pattern.compile("trace|debug|info|warn|warning|error|fatal|severe");
    private static final Pattern LOG_HOLDER = Pattern.compile("(?i)\\w*(log|logs|logger|loggers|logutil|logutils)");

    private boolean isLog(Call c) {
        if (ctx.calls().classify(c).map(x -> x.is(Role.LOG)).orElse(false)) return true;
        // a logger kept in a holder class: Loggers.AUTH.error(...), LogUtil.FATAL_LOG.error(...)
        if (c.methodName() == null || !LOG_LEVEL.matcher(c.methodName()).matches()) return false;
        Expr r = c.receiver() == null ? null : c.receiver().unwrap();
        if (!(r instanceof Member mem)) return false;
        Expr root = mem.object() == null ? null : mem.object().unwrap();
        return root instanceof Name n && LOG_HOLDER.matcher(n.id()).matches() || mem.property() != null && mem.property().matches("(?i)\\w*log(ger)?");
    }

    /** A debug or trace line, or one under {@code isDebugEnabled()}: a deliberate terse diagnostic, not the record of a failure. */
    private static boolean diagnostic(Call log) {
        if (log.methodName() != null && log.methodName().matches("debug|trace|fine|finer|finest|verbose")) return true;
        for (Node p = log.parent(); p != null && !(p instanceof FunctionDecl); p = p.parent()) {
            if (p instanceof dev.prodlint.model.stmt.If i && i.condition() instanceof Call cc && cc.methodName() != null
                    && cc.methodName().matches("is(Debug|Trace)Enabled")) return true;
        }
        return false;
    }

    private static boolean isPrint(Call c) {
        if ("printStackTrace".equals(c.methodName())) return c.args().isEmpty() || c.arg(0).unwrap() instanceof Member sys && sys.object() instanceof Name n && n.id().equals("System");
        return c.callee() instanceof Member mem && mem.property() != null && mem.property().startsWith("print")
                && mem.object() instanceof Member sys && sys.object() instanceof Name n && n.id().equals("System");
    }

    /** A call made for what it does, not for a value the catch answers with: a statement, awaited or not. */
    private static boolean sideEffect(Call c) {
        Node p = c.parent();
        if (p instanceof dev.prodlint.model.expr.Await) p = p.parent();
        return p instanceof ExprStmt;
    }

    /** The throw sits under an {@code if} that tests the error ({@code if (err.code === 'ER_DUP_ENTRY')}): a known case, translated on purpose. */
    private static boolean decidedOn(Throw t, CaughtError err, Node body) {
        for (Node p = t.parent(); p != null && p != body; p = p.parent()) {
            if (p instanceof dev.prodlint.model.stmt.If i && !err.refs(i.condition()).isEmpty()) return true;
        }
        return false;
    }

    private String thrownName(Expr v) {
        if (v instanceof New nw) return nw.type() != null ? nw.type().simpleName() : Snippets.code(m, nw.callee());
        if (v instanceof Call c) return Snippets.shortCallee(m, c);
        return Snippets.code(m, v);
    }

    /** How a catch body answers as if nothing failed, or null when it does something else. */
    private String answersAsSuccess(Node body, Responses.Outcome outcome) {
        if (!(body instanceof Block b)) {
            // an arrow's expression body: () => null, () => []
            return null;
        }
        if (b.statements().isEmpty()) return "is empty";
        if (outcome == Responses.Outcome.SUCCESS) return "answers success";
        for (Stmt st : b.statements()) {
            if (st instanceof Return r) {
                if (r.value() == null) return "returns";
                if (emptyDefault(r.value())) return "returns `" + Snippets.code(m, r.value()) + "`";
                return null;
            }
            if (st instanceof Jump j && j.kind() == Jump.Kind.CONTINUE) return "skips to the next item";
            if (!(st instanceof ExprStmt)) return null;
        }
        return null;
    }

    private static final Pattern EMPTY_DEFAULT = Pattern.compile("^(null|undefined|false|0|''|\"\"|\\[\\]|\\{\\}|Optional\\.empty\\(\\)"
            + "|Collections\\.empty\\w*\\(\\)|List\\.of\\(\\)|Map\\.of\\(\\)|Set\\.of\\(\\)|newArrayList<>?\\(\\)|newHashMap<>?\\(\\)|Lists\\.newArrayList\\(\\)"
            + "|Mono\\.empty\\(\\)|Flux\\.empty\\(\\)|Boolean\\.FALSE|-1|0L|BigDecimal\\.ZERO)$");

    private boolean emptyDefault(Expr e) {
        return EMPTY_DEFAULT.matcher(Snippets.compact(m, e)).matches();
    }

    private static boolean inFinally(Node n) {
        Node child = n;
        for (Node p = n.parent(); p != null; p = p.parent()) {
            if (p instanceof Try t && t.finalizer() == child) return true;
            if (p instanceof dev.prodlint.model.FunctionDecl) return false;
            child = p;
        }
        return false;
    }

}
