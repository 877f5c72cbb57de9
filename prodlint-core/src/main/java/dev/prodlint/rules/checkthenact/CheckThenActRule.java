package dev.prodlint.rules.checkthenact;

import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.db.DbAnalysis;
import dev.prodlint.analysis.db.DbOp;
import dev.prodlint.analysis.db.Paths;
import dev.prodlint.analysis.db.Results;
import dev.prodlint.analysis.sql.SqlShape.Conflict;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.Symbol;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.stmt.If;
import dev.prodlint.rules.Finding;
import dev.prodlint.rules.FindingSink;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleMeta;
import dev.prodlint.rules.Severity;
import dev.prodlint.rules.Snippets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a database read whose result decides a write that nothing makes atomic with it: the
 * existence check before an insert, the read-modify-write, the checked value before an unguarded
 * relative update, and the counter that moves whether or not the write before it changed a row.
 */
public final class CheckThenActRule implements Rule {
    public static final String ID = "check-then-act";

    private static final RuleMeta META = new RuleMeta(ID,
            "A database read decides a write, and nothing makes the pair atomic",
            Severity.WARNING,
            EnumSet.allOf(Language.class),
            """
            The code reads the database, decides on what it read, then writes. Two concurrent requests \
            (a double-tap, a retry, two tabs) both read before either writes: both see "no like" and both \
            insert, both read stock 1 and both sell it, both read a balance and one update is lost. A \
            transaction at the default READ COMMITTED isolation does not prevent it, and tests that run \
            one request at a time never show it.""",
            """
            const existing = await db.query('SELECT id FROM likes WHERE user_id = $1 AND post_id = $2', [userId, postId]);
            if (existing.rows.length === 0) {
              await db.query('INSERT INTO likes (user_id, post_id) VALUES ($1, $2)', [userId, postId]);
            }""",
            """
            const inserted = await db.query(
              'INSERT INTO likes (user_id, post_id) VALUES ($1, $2) ON CONFLICT (user_id, post_id) DO NOTHING RETURNING id',
              [userId, postId]);
            if (inserted.rowCount > 0) await db.query('UPDATE posts SET like_count = like_count + 1 WHERE id = $1', [postId]);""");

    @Override
    public RuleMeta meta() {
        return META;
    }

    @Override
    public boolean usesProjectSummaries() {
        return true;
    }

    @Override
    public void check(ModuleContext ctx, FindingSink sink) {
        DbAnalysis db = ctx.db();
        for (FunctionDecl unit : db.units()) {
            if (db.isOneOff(unit)) continue;
            List<DbOp> ops = db.ops().in(unit);
            if (ops.stream().noneMatch(DbOp::isWrite)) continue;
            new UnitCheck(ctx, db, unit, ops, sink).run();
        }
    }

    /** One function's reads and writes. */
    private static final class UnitCheck {
        private final ModuleContext ctx;
        private final SourceModule m;
        private final DbAnalysis db;
        private final FunctionDecl unit;
        private final List<DbOp> ops;
        private final FindingSink sink;
        private final Protections protections;
        private final Set<Call> reported = new HashSet<>();

        UnitCheck(ModuleContext ctx, DbAnalysis db, FunctionDecl unit, List<DbOp> ops, FindingSink sink) {
            this.ctx = ctx;
            this.m = ctx.module();
            this.db = db;
            this.unit = unit;
            this.ops = ops;
            this.sink = sink;
            this.protections = new Protections(ctx, db, unit, ops);
        }

        void run() {
            for (DbOp read : ops) {
                if (read.kind() == DbOp.Kind.READ) reads(read);
            }
            for (DbOp write : ops) {
                if (write.kind() == DbOp.Kind.DELETE || write.mayInsertNothing()) gatedCounter(write);
            }
            rmwWithoutSave();
        }

        private void reads(DbOp read) {
            Set<Symbol> dependents = db.dependents(read, unit);
            List<If> decisions = Results.decisions(read, dependents, unit);
            boolean throwsWhenPresent = Results.throwsWhenPresent(read);
            for (DbOp w : ops) {
                if (!w.isWrite() || w.start() <= read.start() || reported.contains(w.call()) || !w.runsWithin(read)) continue;
                if (Paths.exclusive(read.anchorCall(), w.anchorCall())) continue;
                boolean savesRead = RecordWrites.writesDependent(w, dependents);
                if (!sameTable(read, w) && !savesRead) continue;
                Results.Decision decision = Results.decision(read, w, decisions);
                If decider = decision == null ? null : decision.condition();
                boolean decided = decision != null || throwsWhenPresent;
                boolean existence = decider == null || Results.testsExistence(decider.condition(), read, dependents)
                        && Results.runsWhenAbsent(decider, w, read, dependents);
                if (decided && existence && sameTable(read, w) && isInsert(w, savesRead) && !RecordWrites.keyIsFresh(read)
                        && w.conflict() == Conflict.NONE && !protections.uniqueHandled(w) && !protections.insertProtected(read, w)) {
                    // a unique key makes the database reject the duplicate: no corruption, but the loser's request fails
                    if (decider != null && Results.limitCheck(decider.condition())) {
                        report(w, Forms.insertOverLimit(m, read, w, decider), read, "the count is read here");
                    } else if (protections.uniqueKeyDecides(read, w)) report(w, Forms.insertUnique(m, read, w), read, "the existence check reads here", Severity.NOTE);
                    else report(w, Forms.insert(m, read, w, nextCounter(w)), read, "the existence check reads here");
                    continue;
                }
                if (w.guarded() || protections.updateProtected(read, w)) continue;
                RecordWrites.Computed computed = RecordWrites.computed(ctx, w, dependents, unit);
                if (computed != null && !(w.kind() == DbOp.Kind.INSERT)) {
                    report(w, Forms.readModifyWrite(m, read, w, computed), read, "the value is read here");
                    continue;
                }
                if (decider != null && !w.relative().isEmpty() && RecordWrites.compares(decider.condition(), dependents)) {
                    report(w, Forms.checkedRelative(m, read, w, decider), read, "the value is read here");
                }
            }
        }

        /** The counter update after a delete or an insert that may do nothing, run whatever that write did. */
        private void gatedCounter(DbOp write) {
            if (write.table() == null) return;
            Set<Symbol> dependents = db.dependents(write, unit);
            List<If> decisions = Results.decisions(write, dependents, unit);
            for (DbOp c : ops) {
                if (c.start() <= write.start() || !c.isCounter() || reported.contains(c.call()) || !c.runsWithin(write)) continue;
                if (c.table() == null || c.table().equals(write.table()) || Paths.exclusive(write.anchorCall(), c.anchorCall())) continue;
                if (!counts(c, write)) continue;
                if (Results.decision(write, c, decisions) != null || protections.counterProtected(write, c)) continue;
                report(c, Forms.gatedCounter(m, write, c), write, write.kind() == DbOp.Kind.DELETE
                        ? "this delete may remove no row" : "this insert may insert nothing");
                return;
            }
        }

        /** JPA: a managed entity changed from its own value inside @Transactional is written at commit, without save(). */
        private void rmwWithoutSave() {
            if (m.language() != Language.JAVA || !db.transactions().annotated(unit).transaction()) return;
            for (DbOp read : ops) {
                if (read.kind() != DbOp.Kind.READ || !"jpa".equals(read.style()) || read.lock()) continue;
                Set<Symbol> dependents = db.dependents(read, unit);
                if (dependents.isEmpty() || protections.updateProtected(read, read)) continue;
                boolean written = ops.stream().anyMatch(w -> w.isWrite() && w.start() > read.start() && RecordWrites.writesDependent(w, dependents));
                if (written) continue;
                RecordWrites.Computed mutation = RecordWrites.mutation(ctx, dependents, unit, read.start(), Integer.MAX_VALUE);
                if (mutation == null || !(mutation.at() instanceof Call setter) || reported.contains(setter)) continue;
                if (protections.versioned(read)) continue;
                reported.add(setter);
                Forms.Text t = Forms.dirtyCheck(m, read, mutation);
                List<Finding.Related> related = List.of(new Finding.Related(m.path(), Snippets.nameRange(m, read.anchorCall()), "the entity is loaded here"));
                sink.report(new Finding(ID, Severity.WARNING, t.message(), t.why(), t.fix(), m.path(), Snippets.nameRange(m, setter), related,
                        FunctionDecl.reportNameOf(setter)));
            }
        }

        private DbOp nextCounter(DbOp w) {
            for (DbOp c : ops) {
                if (c.start() > w.start() && c.isCounter() && c.runsWithin(w) && !Paths.exclusive(w.anchorCall(), c.anchorCall())) return c;
            }
            return null;
        }

        private boolean isInsert(DbOp w, boolean savesRead) {
            return w.kind() == DbOp.Kind.INSERT || w.kind() == DbOp.Kind.SAVE && !savesRead && !RecordWrites.savesLoaded(db, w, ops, unit);
        }

        private void report(DbOp w, Forms.Text t, DbOp cause, String causeNote) {
            report(w, t, cause, causeNote, Severity.WARNING);
        }

        private void report(DbOp w, Forms.Text t, DbOp cause, String causeNote, Severity severity) {
            reported.add(w.call());
            List<Finding.Related> related = new ArrayList<>();
            related.add(new Finding.Related(m.path(), Snippets.nameRange(m, cause.anchorCall()), causeNote));
            if (t.extra() != null) related.add(new Finding.Related(m.path(), t.extra().range(), t.extraNote()));
            Call at = w.anchorCall();
            sink.report(new Finding(ID, severity, t.message(), t.why(), t.fix(), m.path(), Snippets.nameRange(m, at), related,
                    FunctionDecl.reportNameOf(at)));
        }
    }


    static boolean sameTable(DbOp a, DbOp b) {
        return a.table() != null && a.table().equals(b.table());
    }

    /**
     * like_count counts likes; favoritesCount counts favorites; events.attendee_count after an rsvps
     * row with event_id: the counter is about the written rows.
     */
    static boolean counts(DbOp counter, DbOp write) {
        String table = write.table();
        for (String col : write.columns()) {
            if (col.toLowerCase(java.util.Locale.ROOT).replace("_", "").equals(counter.table() + "id")) return true;
        }
        for (String col : counter.relative()) {
            String c = col.toLowerCase(java.util.Locale.ROOT).replace("_", "");
            // poll_votes counted by votes: any tail of the table's name of four letters or more
            for (int i = 0; i + 4 <= table.length(); i++) if (c.contains(table.substring(i))) return true;
        }
        return false;
    }
}
