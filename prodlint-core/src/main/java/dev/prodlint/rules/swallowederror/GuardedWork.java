package dev.prodlint.rules.swallowederror;

import dev.prodlint.analysis.CallClassifier;
import dev.prodlint.analysis.LocalFunctions;
import dev.prodlint.analysis.ModuleContext;
import dev.prodlint.analysis.db.DbOps;
import dev.prodlint.apimodel.Role;
import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.Language;
import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Await;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.New;
import dev.prodlint.model.expr.This;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the code a catch guards does, as far as losing its failure matters: real work (a database
 * statement, a call to another service, a message, a project service), only work whose failure is
 * expected and answered by a fallback (parsing, feature detection, cleanup), or nothing known.
 */
final class GuardedWork {
    enum Kind { NONE, BENIGN, UNKNOWN, REAL }

    /** @param example the first call that does real work, for the message; null unless REAL */
    record Result(Kind kind, Call example, String what) {
        static final Result NONE = new Result(Kind.NONE, null, null);
    }

    private static final Set<Role> IO = EnumSet.of(Role.DB_QUERY, Role.DB_WRITE, Role.MANAGED_QUERY, Role.HTTP_REQUEST, Role.MESSAGE_SEND,
            Role.TRANSACTION, Role.TRANSACTION_COMMIT);

    /** Calls whose failure is an expected answer: parse, convert, decode, detect, clean up, wait. */
    private static final Pattern BENIGN = Pattern.compile("(?i)^(parse\\w*|JSON|stringify|valueOf|fromString|of|decode\\w*|encode\\w*|atob|btoa"
            + "|Number|BigInt|Date|URL|URLSearchParams|forName|loadClass|require|resolve|import|getMethod|getDeclaredMethod|getField|newInstance"
            + "|close\\w*|release|release(Connection|Lock|Client|Resources?|Session)|end|destroy|dispose|disconnect|quit|shutdown\\w*|terminate|unlink\\w*|rm|rmSync|rmdir\\w*|deleteIfExists|deleteOnExit"
            + "|rollback\\w*|unsubscribe|removeListener|removeAllListeners|off|abort|kill|interrupt|sleep|await|join|verify|verifyToken|decodeToken"
            + "|stat\\w*|lstat\\w*|access\\w*|exists\\w*|existsSync|readFile\\w*|readdir\\w*|readAllBytes|readString|readAllLines|mkdir\\w*|createDirectories"
            + "|matches|compile|format|getBytes|toJson|fromJson|readValue|readTree|writeValueAsString|convertValue|clone|toString|setAccessible)$");
    /** Everyday names that are benign on a plain object, not on a service. */
    private static final Pattern PLAIN = Pattern.compile("(?i)^(get|getProperty|getenv|getAttribute|getHeader|getParameter|getOrDefault|size"
            + "|length|trim|split|substring|toLowerCase|toUpperCase|normalize|replace\\w*|test|exec|match|charAt|indexOf|startsWith|endsWith"
            + "|contains|equals|hashCode|compareTo|put|set|add|push|append|map|filter|forEach|reduce|find|some|every|keys|values|entries|slice|concat|join)$");

    /** Receivers that are services, clients, stores and data access objects: a failed call there lost real work. */
    private static final Pattern SERVICE_LIKE = Pattern.compile("(?i).*(service|client|repository|repo|mapper|dao|api|gateway|producer|publisher"
            + "|queue|template|sender|mailer|notifier|broker|storage|store|bucket|s3|sqs|sns|kafka|rabbit|redis|prisma|knex|pool|manager|provider"
            + "|handler|processor|facade|adapter|sdk|stripe|twilio|sendgrid|elastic|search|index|webhook)s?$");

    private GuardedWork() {
    }

    /** The work done in {@code region}, following calls of this file's functions two levels down. */
    static Result of(ModuleContext ctx, Node region) {
        return of(ctx, region, 0);
    }

    private static Result of(ModuleContext ctx, Node region, int depth) {
        List<Call> calls = new ArrayList<>();
        boolean[] news = {false};
        Await[] query = {null};
        // an inner try that catches everything and does not rethrow has handled its own calls
        List<Node> handled = new ArrayList<>();
        region.walk(n -> {
            if (n != region && n instanceof dev.prodlint.model.stmt.Try t && t.catches().stream().anyMatch(dev.prodlint.model.stmt.Catch::catchesAll)
                    && t.catches().stream().noneMatch(k -> containsThrow(k.body()))) handled.add(t.body());
        });
        region.walk(n -> {
            if (n instanceof Call c && handled.stream().noneMatch(c::isWithin)) calls.add(c);
            // await sql`...`, await prisma.$executeRaw`...`: a tagged template sent to the database
            else if (n instanceof Await a && a.operand().unwrap() instanceof dev.prodlint.model.expr.Template t && t.tag() != null && query[0] == null) query[0] = a;
            else if (n instanceof New nw && nw.type() != null && !BENIGN.matcher(nw.type().simpleName()).matches()
                    && !IN_MEMORY.matcher(nw.type().simpleName()).matches()) news[0] = true;
        });
        if (query[0] != null) return new Result(Kind.REAL, null, "`" + dev.prodlint.rules.Snippets.code(ctx.module(), query[0].operand()) + "`");
        // require('./ee/licence') or import('pdf-lib') in the try: feature detection
        if (calls.stream().anyMatch(c -> c.callee() instanceof Name n && (n.id().equals("require") || n.id().equals("import")))) {
            return new Result(Kind.BENIGN, null, null);
        }
        // name the call the models know first: the database statement, not the builder that made its client
        for (Call c : calls) {
            if (strong(ctx, c)) return new Result(Kind.REAL, c, what(ctx, c));
        }
        Kind kind = calls.isEmpty() ? (news[0] ? Kind.UNKNOWN : Kind.NONE) : Kind.BENIGN;
        boolean cleanup = false;
        for (Call c : calls) {
            Kind k = kindOf(ctx, c, depth);
            if (k == Kind.REAL) return new Result(Kind.REAL, c, what(ctx, c));
            if (k == Kind.UNKNOWN) kind = Kind.UNKNOWN;
            if (c.methodName() != null && CLEANUP.matcher(c.methodName()).matches()) cleanup = true;
        }
        // closing or rolling back, with some checks around it: cleanup
        if (kind == Kind.UNKNOWN && cleanup) kind = Kind.BENIGN;
        if (kind == Kind.BENIGN && news[0] && !cleanup) kind = Kind.UNKNOWN;
        return new Result(kind, null, null);
    }

    private static final Pattern CLEANUP = Pattern.compile("(?i)^(close\\w*|release|release(Connection|Lock|Client|Resources?|Session)|rollback\\w*|destroy|dispose|disconnect|quit|end|shutdown\\w*"
            + "|unlink\\w*|delete(IfExists|OnExit)|unsubscribe|terminate|abort)$");

    /** Work the API models know for I/O: a database statement, an HTTP request, a message. */
    private static boolean strong(ModuleContext ctx, Call c) {
        String name = c.methodName();
        if (IN_MEMORY_WRITE.matcher(callee(ctx, c)).matches()) return false;
        if (name == null || BENIGN.matcher(name).matches() || innerOfModelled(ctx, c)) return false;
        Optional<CallClassifier.CallMatch> match = ctx.calls().classify(c);
        if (match.isPresent() && match.get().hinted() && match.get().typeId().equals("orm#ModelClass")) return ModelClasses.isModel(c);
        if (match.isPresent()) return io(match.get()) && match.get().method().role() != Role.CACHE_WRITE && !BENIGN_IO.matcher(name).matches();
        return match.isEmpty() && DbOps.isChainTop(c) && ctx.db().ops().of(c).filter(op -> !op.isControl()).isPresent();
    }

    private static Kind kindOf(ModuleContext ctx, Call c, int depth) {
        String name = c.methodName();
        if (name == null) return Kind.UNKNOWN;
        if (BENIGN.matcher(name).matches() || LOCAL_DISK.matcher(String.valueOf(receiverName(c))).matches()
                || IN_MEMORY_WRITE.matcher(callee(ctx, c)).matches()) return Kind.BENIGN;
        // redisTemplate.opsForValue().get(key): the chain is judged by the call the models know
        if (innerOfModelled(ctx, c)) return Kind.NONE;
        Optional<CallClassifier.CallMatch> match = ctx.calls().classify(c);
        if (match.isPresent()) {
            Role r = match.get().method().role();
            if (r == Role.LOG || r == Role.NO_THROW || r == Role.RELEASE || r == Role.SLEEP) return Kind.NONE;
            // a cache is best effort: a failed read is a miss, a failed write a later miss; a lock has its fallback
            if (r == Role.CACHE_READ || r == Role.CACHE_LOAD || r == Role.CACHE_WRITE || r == Role.LOCK) return Kind.BENIGN;
            if (io(match.get()) && !BENIGN_IO.matcher(name).matches()) return Kind.REAL;
        }
        boolean guessedModel = match.isPresent() && match.get().hinted() && match.get().typeId().equals("orm#ModelClass");
        if (guessedModel && ModelClasses.isModel(c)) return Kind.REAL;
        if (!guessedModel && DbOps.isChainTop(c) && ctx.db().ops().of(c).filter(op -> !op.isControl()).isPresent()) return Kind.REAL;
        if (Responses.isResponse(c)) return Kind.NONE;
        FunctionDecl local = LocalFunctions.callee(c);
        if (local != null && local.body() != null && depth < 2 && !c.isWithin(local)) {
            Kind k = of(ctx, local.body(), depth + 1).kind();
            return k == Kind.REAL ? Kind.REAL : k == Kind.NONE ? Kind.BENIGN : k;
        }
        String receiver = receiverName(c);
        String root = rootName(c);
        if (root != null && !root.equals(receiver) && SERVICE_LIKE.matcher(root).matches() && !PLAIN.matcher(name).matches()) return Kind.REAL;
        if (receiver != null && SERVICE_LIKE.matcher(receiver).matches() && !receiver.matches("(?i).*(error|exception)handler")
                && !PLAIN_TYPE.matcher(String.valueOf(declaredType(c))).matches()) return Kind.REAL;
        // a Java bean's collaborators are injected fields typed by what they are: MailingListClient, SessionStore
        String type = declaredType(c);
        if (type != null && SERVICE_LIKE.matcher(type).matches() && !ACCESSOR.matcher(name).matches()) return Kind.REAL;
        if (ctx.module().language() == Language.JAVA && injected(c) && !ACCESSOR.matcher(name).matches()) return Kind.REAL;
        // in TypeScript/JavaScript an awaited call is I/O
        if (ctx.module().language() != Language.JAVA && c.parent() instanceof Await && local == null) return Kind.REAL;
        if (PLAIN.matcher(name).matches()) return Kind.BENIGN;
        return Kind.UNKNOWN;
    }

    /** Caches outside the process: writing one is I/O; a Map or an LRU in memory is not. */
    private static final Pattern REMOTE_CACHE = Pattern.compile("(?i).*(redis|lettuce|redisson|memcache|jedis).*");

    /** A call the models say does I/O. */
    static boolean io(CallClassifier.CallMatch match) {
        Role r = match.method().role();
        if (match.hinted() && match.typeId().equals("orm#ModelClass")) return false;
        return IO.contains(r) || r == Role.CACHE_WRITE && REMOTE_CACHE.matcher(match.typeId()).matches();
    }

    private static boolean innerOfModelled(ModuleContext ctx, Call c) {
        return c.parent() instanceof Member m && m.object() == c && m.parent() instanceof Call outer && outer.callee() == m
                && ctx.calls().classify(outer).isPresent();
    }

    /** Objects made in memory: constructing one is not work that can fail for reasons outside the process. */
    private static final Pattern IN_MEMORY = Pattern.compile("^(String\\w*|\\w*Reader|\\w*Writer|ByteArray\\w*|\\w*Builder|\\w*Map|\\w*List|\\w*Set"
            + "|\\w*Exception|\\w*Error|Object|Date|\\w*Spec|\\w*Request|\\w*Dto|\\w*DTO|\\w*VO|\\w*Vo|Gson|ObjectMapper|Random|\\w*Matcher)$");

    /** JDK values: a field of these types is data, not a collaborator. */
    private static final Pattern PLAIN_TYPE = Pattern.compile("^(\\w*Map|\\w*List|\\w*Set|Collection|\\w*Queue|\\w*Deque|String|StringBuilder"
            + "|Integer|Long|Boolean|Object|Atomic\\w*|Class|Pattern|Optional|\\w*Lock|CountDownLatch|Semaphore|Random|Date|\\w*Date\\w*"
            + "|BigDecimal|Iterator|Stream|\\w*\\[\\]|int|long|boolean)$");

    /**
     * The receiver is an injected collaborator: a field of a project type (not a JDK value), final and
     * never initialised in place (set by the constructor) or annotated {@code @Autowired}/{@code @Resource}/{@code @Inject}.
     */
    private static boolean injected(Call c) {
        Expr r = c.receiver() == null ? null : c.receiver().unwrap();
        String name = r instanceof Name n && n.symbol() != null && n.symbol().kind() == dev.prodlint.model.Symbol.Kind.FIELD ? n.id()
                : r instanceof Member m && m.object() instanceof This ? m.property() : null;
        if (name == null) return false;
        dev.prodlint.model.FieldDecl f = dev.prodlint.analysis.TypeOracle.enclosingField(c, name);
        if (f == null || f.type() == null || f.isStatic() || PLAIN_TYPE.matcher(f.type().simpleName()).matches()) return false;
        boolean wired = f.annotations().stream().anyMatch(a -> a.simpleName().matches("Autowired|Resource|Inject|DubboReference|Reference"));
        return wired || f.modifiers().contains("final") && f.initializer() == null;
    }

    /** The declared type of the receiver when it is a field, parameter or local: {@code MailingListClient}. */
    private static String declaredType(Call c) {
        Expr r = c.receiver() == null ? null : c.receiver().unwrap();
        dev.prodlint.model.Symbol s = r instanceof Name n ? n.symbol() : null;
        if (s == null && r instanceof Member m && m.object() instanceof This && m.property() != null) {
            dev.prodlint.model.FieldDecl f = dev.prodlint.analysis.TypeOracle.enclosingField(c, m.property());
            return f == null || f.type() == null ? null : f.type().simpleName();
        }
        return s == null || s.declaredType() == null ? null : s.declaredType().simpleName();
    }

    private static boolean containsThrow(Node n) {
        boolean[] hit = {false};
        n.walk(x -> {
            if (x instanceof dev.prodlint.model.stmt.Throw) hit[0] = true;
        });
        return hit[0];
    }

    /** Encoders and formatters that write to memory: ImageIO.write(img, "png", bytes), Base64, date formats, fastjson. */
    private static final Pattern IN_MEMORY_WRITE = Pattern.compile("^(ImageIO\\.write|Base64\\.\\w+|\\w*Base64\\w*\\.\\w+|\\w*[dD]ateFormat\\.format|JSON(Object|Array)?\\.\\w+"
            + "|JSONUtil\\.\\w+|BeanUtils?\\.\\w+|\\w*(QRCode|Qrcode|Captcha)\\w*\\.\\w+|MessageDigest\\.\\w+|\\w*Cipher\\.\\w+|SecurityUtils\\.\\w+"
            + "|SecurityContextHolder\\.\\w+|RequestContextHolder\\.\\w+|SpringContextUtils\\.\\w+|SpringUtils\\.\\w+)$");

    /** Local files: failing to read or delete one is answered by the fallback. */
    private static final Pattern LOCAL_DISK = Pattern.compile("^(Files|FileUtils|FileUtil|fs|fsp|fsPromises|File|path|Paths|IOUtils|FileSystemUtils)$");

    /** Database calls that only end or roll back: cleanup, not work. */
    private static final Pattern BENIGN_IO = Pattern.compile("(?i)^(rollback|release|close|end|destroy|disconnect|quit)$");

    private static final Pattern ACCESSOR = Pattern.compile("^(get|is|has|to|as|with|equals|hash|size|contains|length|iterator|stream|isEmpty)\\w*$");

    /** The name a member chain starts from: {@code stripe.subscriptions.cancel()} gives stripe. */
    static String rootName(Call c) {
        Expr e = c.receiver() == null ? null : c.receiver().unwrap();
        while (e instanceof Member m && m.object() != null) e = m.object().unwrap();
        return e instanceof Name n ? n.id() : null;
    }

    /** The receiver's last name: {@code this.orderService.create()} gives orderService. */
    static String receiverName(Call c) {
        Expr r = c.receiver();
        if (r == null) return null;
        r = r.unwrap();
        if (r instanceof Name n) return n.id();
        if (r instanceof Member m && m.property() != null) return m.property();
        if (r instanceof This) return null;
        return null;
    }

    /** The callee as written, compact: {@code ImageIO.write}. */
    private static String callee(ModuleContext ctx, Call c) {
        String t = dev.prodlint.rules.Snippets.compact(ctx.module(), c.callee());
        return t.length() > 80 ? "" : t;
    }

    private static String what(ModuleContext ctx, Call c) {
        return "`" + dev.prodlint.rules.Snippets.call(ctx.module(), c) + "`";
    }
}
