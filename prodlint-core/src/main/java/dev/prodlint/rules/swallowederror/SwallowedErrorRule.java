package dev.prodlint.rules.swallowederror;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import java.util.EnumSet;
import java.util.List;

/**
 * Finds failures that vanish in server code: catches that discard the error of real work, log it
 * without the error or without context, rethrow without the cause; promises and tasks whose
 * failure nobody observes; and swallowed interrupts.
 */
public final class SwallowedErrorRule implements Rule {
    public static final String ID = "swallowed-error";

    private static final RuleMeta META = new RuleMeta(ID,
            "Failures that vanish, and errors logged without what it takes to debug them",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            A catch around real work (a database write, a call to another service, a message) that \
            discards the error, logs it without the error object or without saying what failed, or \
            throws a new error without the cause; a promise or task whose failure nobody observes. In \
            production the work fails for reasons tests never produce, the request still answers \
            success, the data is left half-done, and the logs hold nothing to start from. Most \
            catastrophic failures in distributed systems begin with an error handled like this \
            (Yuan et al., OSDI 2014).""",
            """
            try {
              await payments.refund(orderId);
            } catch (err) {
              // ignore
            }
            res.json({ success: true });""",
            """
            try {
              await payments.refund(orderId);
            } catch (err) {
              logger.error({ err, orderId }, 'refund failed');
              throw err;
            }
            res.json({ success: true });""");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        SourceModule m = ctx.module();
        if (!ServerCode.is(m)) return;
        CatchJudge judge = new CatchJudge(ctx);
        boolean logging = ServerCode.isLogging(m);
        for (CatchSite s : CatchSite.find(m)) {
            if (oneOff(ctx, s.function())) continue;
            judge.judge(s).filter(v -> !logging || v.form() == Form.DISCARDED || v.form() == Form.INTERRUPT).ifPresent(v -> report(m, v, sink));
        }
        for (Verdict v : new FloatingCalls(ctx).find()) {
            if (!oneOff(ctx, v.node().enclosingFunction())) report(m, v, sink);
        }
    }

    /** Entry points and start-up callbacks: a failure there is seen by whoever starts the process. */
    private static final java.util.regex.Pattern START_UP = java.util.regex.Pattern.compile(
            "^(main|onApplicationEvent|afterPropertiesSet|afterSingletonsInstantiated|onModuleInit|onApplicationBootstrap|bootstrap|start|startup)$");

    /** Start-up code, seeds and migrations: a failure there is seen by whoever runs them. */
    private static boolean oneOff(ModuleContext ctx, FunctionDecl f) {
        if (f == null) return true;
        FunctionDecl unit = f;
        while (unit.enclosingFunction() != null && unit.enclosingFunction().kind() != FunctionDecl.Kind.MODULE_BODY) unit = unit.enclosingFunction();
        if (unit.name() != null && (START_UP.matcher(unit.name()).matches() || unit.name().equals("<clinit>"))) return true;
        return ctx.db().isOneOff(unit);
    }

    private static void report(SourceModule m, Verdict v, FindingSink sink) {
        List<Finding.Related> related = v.work() != null && v.work().example() != null && v.work().example() != v.node()
                ? List.of(new Finding.Related(m.path(), dev.prodlint.rules.Snippets.nameRange(m, v.work().example()), "the work whose failure is lost"))
                : List.of();
        sink.report(new Finding(ID, v.form().severity, Messages.message(m, v), Messages.why(v), Messages.fix(m, v), m.path(), v.at(), related,
                FunctionDecl.reportNameOf(v.node())));
    }
}
