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
import java.util.Set;

/**
 * Finds failures that vanish in server code: catches that discard the error of real work, log it
 * without the error or without context, rethrow without the cause, print it; promises and tasks
 * whose failure nobody observes; and swallowed interrupts. Two instances: the forms that reached
 * the precision bar (default) and the rest (opt-in).
 */
public final class SwallowedErrorRule implements Rule {
    public static final String ID = "swallowed-error";
    public static final String EXPERIMENTAL_ID = "swallowed-error-experimental";

    /**
     * The forms that reached the precision bar (fewer than 1 false finding in 10) on real services,
     * per language: see docs/rules/swallowed-error.md for the measurements.
     */
    static final Set<Form> STANDARD_JAVA = EnumSet.of(Form.PRINTED);
    static final Set<Form> STANDARD_JS = EnumSet.of(Form.CAUSE_DROPPED);

    private final RuleMeta meta;
    private final boolean standard;

    private SwallowedErrorRule(RuleMeta meta, boolean standard) {
        this.meta = meta;
        this.standard = standard;
    }

    /** The default rule: the forms that reached the precision bar for the file's language. */
    public static SwallowedErrorRule standard() {
        return new SwallowedErrorRule(META, true);
    }

    /** The forms below the bar, opt-in. */
    public static SwallowedErrorRule experimental() {
        return new SwallowedErrorRule(EXPERIMENTAL_META, false);
    }

    private Set<Form> forms(Language language) {
        Set<Form> std = language == Language.JAVA ? STANDARD_JAVA : STANDARD_JS;
        return standard ? std : std.isEmpty() ? EnumSet.allOf(Form.class) : EnumSet.complementOf(EnumSet.copyOf(std));
    }

    private static final RuleMeta EXPERIMENTAL_META = new RuleMeta(EXPERIMENTAL_ID,
            "Opt-in forms of swallowed-error: discarded errors, floating promises, unobserved tasks, errors logged without context",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            The same hazard as swallowed-error, in forms whose judgement needs more than the code \
            shows: whether the guarded work's failure matters (a catch that returns a default or \
            does nothing), whether a call returns a promise (a floating call), whether a task \
            handles its own failures, whether a terse log line is deliberate. Measured below 90% \
            precision on real services, so they run only with --enable swallowed-error-experimental.""",
            """
            try {
              await payments.refund(orderId);
            } catch (err) {
            }
            res.json({ success: true });""",
            """
            await payments.refund(orderId);   // let the error handler log it and answer 500
            res.json({ success: true });""");

    private static final RuleMeta META = new RuleMeta(ID,
            "Failures that vanish, and errors logged without what it takes to debug them",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            A catch around real work (a database write, a call to another service, a message) that \
            loses what it takes to debug the failure: a new error thrown without the caught one as \
            its cause, or (Java) the stack trace printed to stderr instead of logged. In production \
            the work fails for reasons tests never produce, and the error report starts in the catch \
            block, or the trace sits in a stream nobody collects. Most catastrophic failures in \
            distributed systems begin with an error handled like this (Yuan et al., OSDI 2014). The \
            forms below the precision bar (empty catches, floating promises, ...) are in \
            swallowed-error-experimental.""",
            """
            try {
              await s3.putObject({ Bucket: ARCHIVE, Key: key, Body: pdf });
            } catch (err) {
              throw new Error(`archiving invoice ${id} failed`);
            }""",
            """
            try {
              await s3.putObject({ Bucket: ARCHIVE, Key: key, Body: pdf });
            } catch (err) {
              throw new Error(`archiving invoice ${id} failed`, { cause: err });
            }""");

    @Override
    public RuleMeta meta() {
        return meta;
    }

    @Override
    public boolean enabledByDefault() {
        return standard;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        SourceModule m = ctx.module();
        if (!ServerCode.is(m)) return;
        Set<Form> forms = forms(m.language());
        if (forms.isEmpty()) return;
        CatchJudge judge = new CatchJudge(ctx);
        boolean logging = ServerCode.isLogging(m);
        for (CatchSite s : CatchSite.find(m)) {
            if (oneOff(ctx, s.function())) continue;
            judge.judge(s).filter(v -> forms.contains(v.form()) && (!logging || v.form() == Form.DISCARDED || v.form() == Form.INTERRUPT))
                    .ifPresent(v -> report(m, v, sink));
        }
        if (!forms.contains(Form.FLOATING) && !forms.contains(Form.UNOBSERVED_TASK)) return;
        for (Verdict v : new FloatingCalls(ctx).find()) {
            if (forms.contains(v.form()) && !oneOff(ctx, v.node().enclosingFunction())) report(m, v, sink);
        }
    }

    /** Entry points and start-up callbacks: a failure there is seen by whoever starts the process. */
    private static final java.util.regex.Pattern START_UP = java.util.regex.Pattern.compile(
            "^(main|onApplicationEvent|afterPropertiesSet|afterSingletonsInstantiated|onModuleInit|onApplicationBootstrap|onApplicationStart_?"
                    + "|onApplicationPrepareShutdown|bootstrap|start|startup)$");

    /** Start-up code, seeds and migrations: a failure there is seen by whoever runs them. */
    private static boolean oneOff(ModuleContext ctx, FunctionDecl f) {
        if (f == null) return true;
        FunctionDecl unit = f;
        while (unit.enclosingFunction() != null && unit.enclosingFunction().kind() != FunctionDecl.Kind.MODULE_BODY) unit = unit.enclosingFunction();
        if (unit.name() != null && (START_UP.matcher(unit.name()).matches() || unit.name().equals("<clinit>"))) return true;
        // Spring configuration: beans are built once, at start-up
        if (unit.annotations().stream().anyMatch(a -> a.simpleName().equals("Bean"))) return true;
        if (unit.owner() != null && unit.owner().annotations().stream().anyMatch(a -> a.simpleName().matches("Configuration|AutoConfiguration"))) return true;
        return ctx.db().isOneOff(unit);
    }

    private void report(SourceModule m, Verdict v, FindingSink sink) {
        List<Finding.Related> related = v.work() != null && v.work().example() != null && v.work().example() != v.node()
                ? List.of(new Finding.Related(m.path(), dev.prodlint.rules.Snippets.nameRange(m, v.work().example()), "the work whose failure is lost"))
                : List.of();
        sink.report(new Finding(meta.id(), v.form().severity, Messages.message(m, v), Messages.why(v), Messages.fix(m, v), m.path(), v.at(), related,
                FunctionDecl.reportNameOf(v.node())));
    }
}
