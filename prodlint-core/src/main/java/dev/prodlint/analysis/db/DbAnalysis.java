package dev.prodlint.analysis.db;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.model.FunctionDecl;
import java.util.ArrayList;
import java.util.List;

/** One file's database operations, the transactions around them, and the functions the rules judge. */
public final class DbAnalysis {
    private final ModuleContext ctx;
    /** Whether the file is a seed or migration script, by its path: asked for every function. */
    private Boolean oneOffPath;
    private final DbOps ops;
    private final Transactions transactions;
    private List<FunctionDecl> units;
    private final java.util.Map<DbOp, java.util.Set<dev.prodlint.model.Symbol>> dependents = new java.util.IdentityHashMap<>();

    public DbAnalysis(ModuleContext ctx, DbIndex index) {
        this.ctx = ctx;
        this.ops = new DbOps(ctx, index);
        this.transactions = new Transactions(ctx, ops);
    }

    public DbOps ops() {
        return ops;
    }

    public Transactions transactions() {
        return transactions;
    }

    /** The variables holding an operation's result or values computed from it, found once per operation. */
    public java.util.Set<dev.prodlint.model.Symbol> dependents(DbOp op, FunctionDecl unit) {
        return dependents.computeIfAbsent(op, o -> java.util.Set.copyOf(Results.dependents(o, unit)));
    }

    /** Seed scripts and migrations run once, by hand, and are rerun from scratch when they fail. */
    private static final java.util.regex.Pattern ONE_OFF_PATH = java.util.regex.Pattern.compile(
            "(?i)(^|/)(migrations?|seeds?|seeders?|seeding|scripts?|alterations?|upgrades?)/|(^|/)seed[^/]*\\.[a-z]+$");
    /** Start-up code (seed an admin, create defaults) runs once per process, not per request. */
    private static final java.util.regex.Pattern ONE_OFF_NAME = java.util.regex.Pattern.compile(
            "(?i)^(seed|init|initialize|bootstrap|setup|migrate|run[A-Z]?migration|createDefault|ensureDefault|createAdmin|ensureAdmin|createInitial|loadInitial).*");

    private static final java.util.Set<String> START_UP = java.util.Set.of("CommandLineRunner", "ApplicationRunner", "InitializingBean",
            "SmartInitializingSingleton");

    /** Code that runs once (a seed script, a migration, start-up), where neither concurrency nor a half-done run matters. */
    public boolean isOneOff(FunctionDecl unit) {
        if (oneOffPath == null) oneOffPath = ONE_OFF_PATH.matcher(ctx.module().path().replace('\\', '/')).find();
        if (oneOffPath) return true;
        if (unit.name() != null && ONE_OFF_NAME.matcher(unit.name()).matches()) return true;
        // Spring start-up hooks
        if (unit.annotations().stream().anyMatch(a -> a.simpleName().equals("PostConstruct") || a.simpleName().equals("EventListener"))) return true;
        dev.prodlint.model.ClassDecl owner = unit.owner();
        return owner != null && owner.interfaces().stream().anyMatch(t -> START_UP.contains(t.simpleName()));
    }

    /**
     * The functions judged as a whole: top-level functions, methods, and callbacks written at
     * module level (route handlers); callbacks inside them belong to them.
     */
    public List<FunctionDecl> units() {
        if (units == null) {
            units = new ArrayList<>();
            for (FunctionDecl f : ctx.module().allFunctions()) {
                if (f.kind() == FunctionDecl.Kind.MODULE_BODY || f.body() == null) continue;
                if (Transactions.unitOf(f.body()) == f) units.add(f);
            }
        }
        return units;
    }
}
