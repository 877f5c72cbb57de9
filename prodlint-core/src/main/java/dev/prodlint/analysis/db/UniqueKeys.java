package dev.prodlint.analysis.db;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.ColumnDefinition;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.table.Index;

/**
 * The unique keys a project declares (SQL DDL, Prisma schemas, JPA and TypeORM annotations,
 * Sequelize/Mongoose/knex definitions). Where one covers the columns an existence check reads, two
 * racing inserts cannot both succeed: the database is the arbiter. Columns are kept lower case
 * without underscores ({@code user_id} and {@code userId} are one column); keys whose table is not
 * known count for every table.
 */
public final class UniqueKeys {
    private static final String ANY = "*";
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?([`\"\\w.\\[\\]]+)\\s*\\((.*)");
    private static final Pattern UNIQUE_COLUMNS = Pattern.compile("(?is)(?:UNIQUE|PRIMARY\\s+KEY)\\s*(?:KEY|INDEX)?\\s*[`\"\\w]*\\s*(?:USING\\s+\\w+\\s*)?\\(([^)]+)\\)");
    private static final Pattern UNIQUE_INDEX = Pattern.compile("(?is)CREATE\\s+UNIQUE\\s+INDEX\\s+(?:CONCURRENTLY\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?[`\"\\w.]*\\s+ON\\s+(?:ONLY\\s+)?([`\"\\w.]+)\\s*(?:USING\\s+\\w+\\s*)?\\(([^)]+)\\)");
    private static final Pattern MODEL = Pattern.compile("(?s)\\bmodel\\s+(\\w+)\\s*\\{(.*?)\\n\\s*\\}");
    private static final Pattern PRISMA_FIELD = Pattern.compile("(?m)^\\s*(\\w+)\\s+\\S+.*@(unique|id)\\b");
    private static final Pattern PRISMA_BLOCK = Pattern.compile("@@(?:unique|id)\\s*\\(\\s*(?:fields\\s*:\\s*)?\\[([^\\]]+)\\]");
    private static final Pattern PRISMA_MAP = Pattern.compile("@@map\\s*\\(\\s*\"([^\"]+)\"");

    private final Map<String, Set<Set<String>>> keys = new ConcurrentHashMap<>();

    /** Soft-delete markers in a key (UNIQUE (app_id, deleted_at)): reads filter them implicitly. */
    private static final Pattern SOFT_DELETE = Pattern.compile("^(is)?(deleted|del|removed)(at|time|on|flag|stamp)?$|^delflag$");
    private final Map<String, String> aliases = new ConcurrentHashMap<>();

    /** An entity class mapped to a table of another name (@Table(name = "sys_role") on Role). */
    public void alias(String entity, String table) {
        String e = DbOps.norm(entity);
        String t = DbOps.norm(table);
        if (e != null && t != null && !e.equals(t)) aliases.put(e, t);
    }

    public void add(String table, List<String> columns) {
        Set<String> cols = new LinkedHashSet<>();
        for (String c : columns) {
            String n = column(c);
            if (n != null && !SOFT_DELETE.matcher(n).matches()) cols.add(n);
        }
        if (cols.isEmpty()) return;
        String t = table == null ? ANY : DbOps.norm(table);
        keys.computeIfAbsent(t == null ? ANY : t, k -> ConcurrentHashMap.newKeySet()).add(Set.copyOf(cols));
    }

    /** Some unique key of the table (or of an unknown table) is among the columns the read compares; an id always is. */
    public boolean covers(String table, Set<String> readColumns) {
        Set<String> cols = new LinkedHashSet<>();
        for (String c : readColumns) {
            String n = column(c);
            if (n != null) cols.add(n);
        }
        if (cols.contains("id")) return true;
        for (String t : new String[] {table, table == null ? null : aliases.get(table), ANY}) {
            if (t == null) continue;
            for (Set<String> key : keys.getOrDefault(t, Set.of())) if (cols.containsAll(key)) return true;
        }
        return false;
    }

    public static String column(String raw) {
        if (raw == null) return null;
        String c = raw.trim().replace("`", "").replace("\"", "").replace("'", "").replace("[", "").replace("]", "");
        int sp = c.indexOf(' ');
        if (sp > 0) c = c.substring(0, sp);
        int dot = c.lastIndexOf('.');
        if (dot >= 0) c = c.substring(dot + 1);
        int paren = c.indexOf('(');
        if (paren >= 0) c = c.substring(0, paren);
        c = c.toLowerCase(Locale.ROOT).replace("_", "");
        return c.isEmpty() ? null : c;
    }

    /** CREATE TABLE with UNIQUE / PRIMARY KEY columns or constraints, CREATE UNIQUE INDEX: parsed, with a pattern for dialects the parser refuses. */
    public void sql(String text) {
        for (String stmt : text.split(";")) {
            String s = stmt.strip();
            String upper = s.toUpperCase(Locale.ROOT);
            if (!upper.contains("CREATE") || !(upper.contains("UNIQUE") || upper.contains("PRIMARY"))) continue;
            if (s.length() > 50_000) continue;
            if (!parsed(s)) patterns(s);
        }
    }

    private boolean parsed(String s) {
        Statement st = dev.prodlint.analysis.sql.SqlText.parseStatement(s);
        if (st == null) return false;
        if (st instanceof CreateTable ct) {
            String table = ct.getTable().getName();
            if (ct.getColumnDefinitions() != null) {
                for (ColumnDefinition cd : ct.getColumnDefinitions()) {
                    String spec = String.valueOf(cd.getColumnSpecs()).toUpperCase(Locale.ROOT);
                    if (spec.contains("UNIQUE") || spec.contains("PRIMARY")) add(table, List.of(cd.getColumnName()));
                }
            }
            if (ct.getIndexes() != null) {
                for (Index ix : ct.getIndexes()) {
                    String type = String.valueOf(ix.getType()).toUpperCase(Locale.ROOT);
                    if (type.contains("UNIQUE") || type.contains("PRIMARY")) add(table, ix.getColumnsNames());
                }
            }
            return true;
        }
        if (st instanceof CreateIndex ci) {
            String type = String.valueOf(ci.getIndex().getType()).toUpperCase(Locale.ROOT);
            if (type.contains("UNIQUE")) add(ci.getTable().getName(), ci.getIndex().getColumnsNames());
            return true;
        }
        return false;
    }

    private void patterns(String s) {
        Matcher ix = UNIQUE_INDEX.matcher(s);
        if (ix.find()) {
            add(ix.group(1), List.of(ix.group(2).split(",")));
            return;
        }
        Matcher ct = CREATE_TABLE.matcher(s);
        if (!ct.find()) return;
        String table = ct.group(1);
        Matcher u = UNIQUE_COLUMNS.matcher(ct.group(2));
        while (u.find()) add(table, List.of(u.group(1).split(",")));
        for (String line : ct.group(2).split("\n")) {
            String l = line.strip().toUpperCase(Locale.ROOT);
            if ((l.contains(" UNIQUE") || l.contains(" PRIMARY KEY")) && !l.startsWith("UNIQUE") && !l.startsWith("PRIMARY")
                    && !l.startsWith("CONSTRAINT") && !l.startsWith("KEY")) {
                add(table, List.of(line.strip().split("\\s+")[0]));
            }
        }
    }

    /** model User { email String @unique ... @@unique([a, b]) @@map("users") }. */
    public void prisma(String text) {
        Matcher m = MODEL.matcher(text);
        while (m.find()) {
            String body = m.group(2);
            List<String> tables = new ArrayList<>(List.of(m.group(1)));
            Matcher map = PRISMA_MAP.matcher(body);
            if (map.find()) tables.add(map.group(1));
            Matcher f = PRISMA_FIELD.matcher(body);
            while (f.find()) for (String t : tables) add(t, List.of(f.group(1)));
            Matcher b = PRISMA_BLOCK.matcher(body);
            while (b.find()) {
                List<String> cols = new ArrayList<>();
                for (String c : b.group(1).split(",")) cols.add(c.replaceAll("\\(.*", "").strip());
                for (String t : tables) add(t, cols);
            }
        }
    }
}
