package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.FunctionDecl;
import dev.prodlint.model.SourceModule;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.New;
import dev.prodlint.rules.Snippets;
import java.util.regex.Pattern;

/**
 * What a catch may rightly do without recording its error: failures that are expected answers
 * (a parse error, a missing row, the caller's bad input), probes and validators whose failure is
 * their answer, cleanup, and I/O failures that say the guarded code did real work.
 */
final class ExpectedFailures {
    private ExpectedFailures() {
    }

    /** Every caught type is an expected outcome, answered by a fallback or translated on purpose. */
    static boolean expected(CatchSite s) {
        return !s.types().isEmpty() && s.types().stream().allMatch(t -> EXPECTED.matcher(t.simpleName()).matches());
    }

    /** Caught types that are expected outcomes, answered by a fallback or translated on purpose. */
    private static final Pattern EXPECTED = Pattern.compile("^(NumberFormat|DateTimeParse|Parse|NoSuchElement|EmptyResultDataAccess|NoResult"
            + "|NonUniqueResult|EntityNotFound|\\w*NotFound|DuplicateKey|\\w*Duplicate\\w*|IllegalArgument|UnsupportedEncoding|ClassNotFound"
            + "|NoSuchMethod|NoSuchField|NoSuchBeanDefinition|CloneNotSupported|NoSuchAlgorithm|MalformedURL|URISyntax|InvalidKey\\w*|\\w*Validation"
            + "|ConstraintViolation|\\w*IndexOutOfBounds|ClassCast|UnknownHost|FileNotFound|NoSuchFile|FileAlreadyExists|\\w*Authentication"
            + "|BadCredentials|\\w*Jwt\\w*|Signature|TokenExpired|\\w*Token\\w*|JsonParse|JsonMapping|MismatchedInput|UnrecognizedProperty"
            + "|InvalidFormat|\\w*Conversion|\\w*Converter\\w*|TypeMismatch|DataIntegrityViolation|OptimisticLock\\w*|ObjectOptimisticLockingFailure"
            + "|AccessDenied|InvalidDefinition|PatternSyntax|ArithmeticException|Instantiation|IllegalAccess|InvocationTarget|Unsupported\\w*"
            + "|InputMismatch|DateTime|Mail\\w*Parse|AddressException|Encoding|\\w*BadRequest\\w*|\\w*Unauthori[sz]ed\\w*|\\w*Forbidden\\w*"
            + "|\\w*AlreadyExists?\\w*|\\w*AlreadyOwned\\w*|\\w*Exists|NullPointer|IncorrectResultSize\\w*|NoNode\\w*|NoSuch\\w*"
            + "|\\w*DoesNotExist\\w*|\\w*NotExist\\w*|CallNotPermitted|BadPadding|IllegalBlockSize|AEADBadTag|\\w*QuotaExceeded\\w*|\\w*LimitExceeded\\w*|\\w*Timeout\\w*)(Exception|Error)?$");

    /** Failures of I/O: catching one says the guarded code talks to a database, a service or a broker. */
    private static final Pattern IO_FAILURE = Pattern.compile("^(\\w*IOException|\\w*SQLException"
            + "|\\w*DataAccessException|ExecutionException|\\w*RestClient\\w*Exception|\\w*MessagingException"
            + "|Amqp\\w*Exception|Kafka\\w*Exception|WebClient\\w*Exception|\\w*ClientException|SdkException|\\w*ServiceException"
            + "|JedisException|Redis\\w*Exception|\\w*Connection\\w*Exception|\\w*Gateway\\w*Exception|TransactionException|PersistenceException|JMSException|HttpException)$");

    /** Thrown types (or their messages) that answer a client error: the failure was the caller's. */
    private static final Pattern CLIENT_ERROR = Pattern.compile("(BadRequest|Unauthori[sz]ed|Unauthenticated|Forbidden|NotFound|Conflict|Unprocessable"
            + "|Validation|Invalid|IllegalArgument|NotAllowed|Denied|Authentication|TooManyRequests|PayloadTooLarge|PreconditionFailed|UserInput"
            + "|ClientError|Param(eter)?Exception|ArgumentException|Parse\\w*Exception|\\w*ParseException|AccessException|AccessDenied|Auth\\w*Exception)");

    private static final Pattern CLIENT_STATUS = Pattern.compile("\\b(4\\d\\d|BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT"
            + "|UNPROCESSABLE_ENTITY|TOO_MANY_REQUESTS|PAYLOAD_TOO_LARGE|PRECONDITION_FAILED|badRequest|notFound|unauthorized|forbidden|conflict)\\b");

    /** Functions that close or stop something: failures there have nowhere to go. */
    private static final Pattern CLEANUP_FUNCTION = Pattern.compile("(?i)^(close\\w*|destroy|dispose|shutdown\\w*|stop\\w*|cleanup\\w*|clean|teardown"
            + "|onModuleDestroy|onApplicationShutdown|beforeApplicationShutdown|preDestroy|disconnect|release|unsubscribe|finalize|quietly\\w*"
            + "|closeQuietly|safeClose|tryClose)$");

    private static final Pattern VALIDATOR = Pattern.compile("^(assert|validate|ensure|guard|verify|check)[A-Z_]\\w*$|^test\\w*|(?i)^\\w*connection$");

    /** Error codes and messages that say the input was wrong: {@code code: "bad_request"}, {@code INVALID_PARAMETER}, {@code '[[error:invalid-data]]'}. */
    private static final Pattern CLIENT_TEXT = Pattern.compile("(?i)(bad[_-]?request|invalid|unauthori[sz]ed|unauthenticated|forbidden"
            + "|not[_-]?found|conflict|unprocessable|validation|too[_-]?many[_-]?requests|denied|not[_-]?allowed"
            + "|不存在|找不到|不能为空|格式|非法|无效|已存在|不正确)");

    /** is*, has*, check*, exists*, ping, health checks: answering false when the probe fails is the point. */
    private static final Pattern PREDICATE = Pattern.compile("^(is|has|can|check|exists?|test|verify|validate|ping|probe|try)[A-Z_]\\w*$|^\\w*(Health|Alive|Ping|Available|Reachable|Exists)([A-Z]\\w*)?$|^(health|alive|ping|available|reachable)([A-Z]\\w*)?$");

    static boolean validator(FunctionDecl f) {
        for (FunctionDecl g = f; g != null; g = g.enclosingFunction()) {
            if (g.name() != null) return VALIDATOR.matcher(g.name()).matches();
        }
        return false;
    }

    static boolean clientError(SourceModule m, Expr thrown, String type) {
        String text = Snippets.compact(m, thrown);
        // the type, an error code or the message says the caller was wrong: NotFoundException, ErrorCodes.TokenInvalid, 'Invalid token'
        return CLIENT_ERROR.matcher(type).find() || CLIENT_STATUS.matcher(text).find() || CLIENT_TEXT.matcher(text).find();
    }

    static boolean predicate(FunctionDecl f) {
        for (FunctionDecl g = f; g != null; g = g.enclosingFunction()) {
            if (g.name() != null) return PREDICATE.matcher(g.name()).matches();
        }
        return false;
    }

    static boolean inCleanup(FunctionDecl f) {
        for (FunctionDecl g = f; g != null; g = g.enclosingFunction()) {
            if (g.name() != null && CLEANUP_FUNCTION.matcher(g.name()).matches()) return true;
            if (g.annotations().stream().anyMatch(a -> a.simpleName().equals("PreDestroy"))) return true;
        }
        return false;
    }

    /** Everything, or an I/O failure: a catch that cannot know what went wrong without the error. */
    static boolean broad(CatchSite s) {
        return s.types().stream().anyMatch(t -> t.simpleName().matches("Exception|Throwable|RuntimeException|Error")) || ioFailure(s.types());
    }

    /** One of the caught types is a database, network or messaging failure. */
    static boolean ioFailure(java.util.List<dev.prodlint.model.TypeRef> types) {
        return types.stream().anyMatch(t -> IO_FAILURE.matcher(t.simpleName()).matches());
    }

    /** A narrow checked exception rethrown as its own type with a new message ({@code throw new BadPaddingException("...")}): many such types take no cause. */
    static boolean sameType(Expr thrown, CatchSite s) {
        return thrown instanceof New nw && nw.type() != null && s.types().stream().anyMatch(t -> t.simpleName().equals(nw.type().simpleName())
                && !t.simpleName().matches("Exception|RuntimeException|Throwable|Error"));
    }
}
