package dev.prodlint.rules.swallowederror;

import dev.prodlint.model.Node;
import dev.prodlint.model.expr.Call;
import dev.prodlint.model.expr.Expr;
import dev.prodlint.model.expr.Literal;
import dev.prodlint.model.expr.Member;
import dev.prodlint.model.expr.Name;
import dev.prodlint.model.expr.ObjectLit;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a catch answers: an HTTP response or a result object, and whether it says success, a client
 * error (4xx: the caller's fault, its cause not needed) or a server error.
 */
final class Responses {
    enum Outcome { NONE, SUCCESS, CLIENT_ERROR, SERVER_ERROR, FAILURE, UNKNOWN }

    private static final Set<String> SENDERS = Set.of("json", "send", "status", "sendStatus", "end", "redirect", "render", "code",
            "jsonp", "sendFile", "header", "set", "type");
    private static final Set<String> RESPONSE_NAMES = Set.of("res", "response", "reply", "resp", "ctx", "c", "h");
    /** Result wrappers of Java and TypeScript services: {@code R.ok()}, {@code Result.success()}, {@code AjaxResult.error()}. */
    private static final Pattern RESULT_TYPE = Pattern.compile("^(R|Result|Results|AjaxResult|CommonResult|ApiResult|ApiResponse|Response"
            + "|ResponseResult|ResultVO|ResultVo|JsonResult|RestResult|BaseResponse|ServerResponse|ResponseEntity|Mono|HttpResponse|NextResponse"
            + "|ResultUtil|ResultUtils|ResponseUtil|RespBean|Resp|MessageResult|RestResponse|WebResult|Rsp|ResponseData|ResponseVO)$");
    private static final Pattern SUCCESS = Pattern.compile("(?i)^(ok|success|succeed|succ|data|created|accepted|noContent|json)$");
    private static final Pattern FAILURE = Pattern.compile("(?i)^(fail\\w*|error\\w*|badRequest|notFound|unprocessableEntity|internalServerError"
            + "|status|unauthorized|forbidden|conflict|warn|exception)$");
    private static final Pattern STATUS_NUMBER = Pattern.compile("\\b([1-5]\\d\\d)\\b");
    private static final Pattern STATUS_NAME = Pattern.compile("\\b(BAD_REQUEST|UNAUTHORIZED|FORBIDDEN|NOT_FOUND|CONFLICT|UNPROCESSABLE_ENTITY|"
            + "TOO_MANY_REQUESTS|PAYLOAD_TOO_LARGE|GONE|PRECONDITION_FAILED|METHOD_NOT_ALLOWED|NOT_ACCEPTABLE)\\b");

    private Responses() {
    }

    /** A call that answers the request: {@code res.status(500).json(...)}, {@code reply.send(...)}, {@code ResponseEntity.ok(...)}. */
    static boolean isResponse(Call c) {
        String name = c.methodName();
        if (name == null) return false;
        Expr root = root(c);
        if (root instanceof Name n && RESPONSE_NAMES.contains(n.id()) && SENDERS.contains(name)) return true;
        return root instanceof Name n && RESULT_TYPE.matcher(n.id()).matches();
    }

    private static Expr root(Call c) {
        Expr e = c.callee();
        while (true) {
            if (e instanceof Member m && m.object() != null) e = m.object().unwrap();
            else if (e instanceof Call inner) e = inner.callee();
            else return e;
        }
    }

    /** What the code in {@code region} answers; {@code src} is the module's text. A client error wins, then a server error, then success. */
    static Outcome outcome(Node region, dev.prodlint.model.SourceModule m) {
        java.util.EnumSet<Outcome> seen = java.util.EnumSet.noneOf(Outcome.class);
        region.walk(n -> {
            if (n instanceof Call c && isResponse(c) && !(c.parent() instanceof Member pm && pm.object() == c)) seen.add(judge(c, m.text().slice(c.range())));
            else if (n instanceof ObjectLit obj && !(obj.parent() instanceof Call pc && isResponse(pc))) seen.add(judgeObject(obj));
        });
        for (Outcome o : new Outcome[] {Outcome.CLIENT_ERROR, Outcome.SERVER_ERROR, Outcome.FAILURE, Outcome.SUCCESS, Outcome.UNKNOWN}) {
            if (seen.contains(o)) return o;
        }
        return Outcome.NONE;
    }

    /** A whole response chain: any status it sets, and what its method names say. */
    private static Outcome judge(Call top, String src) {
        String text = src == null ? "" : src;
        Integer status = null;
        Matcher sm = STATUS_NUMBER.matcher(text);
        for (Expr e = top; e instanceof Call c; e = c.receiver() == null ? null : c.receiver().unwrap()) {
            String name = c.methodName();
            if (name != null && Set.of("status", "sendStatus", "code").contains(name) && !c.args().isEmpty()
                    && c.arg(0).unwrap() instanceof Literal l && l.value() != null && l.value().matches("\\d{3}")) status = Integer.parseInt(l.value());
        }
        for (Expr e = top; status == null && e instanceof Call c; e = c.receiver() == null ? null : c.receiver().unwrap()) {
            String name = c.methodName();
            if (name != null && FAILURE.matcher(name).matches() && !name.equals("status")) {
                return name.matches("(?i)badRequest|notFound|unauthorized|forbidden|conflict|unprocessableEntity") ? Outcome.CLIENT_ERROR : Outcome.SERVER_ERROR;
            }
            for (Expr a : c.args()) {
                if (a.unwrap() instanceof ObjectLit obj) {
                    Outcome o = judgeObject(obj);
                    if (o != Outcome.NONE) return o;
                }
            }
            if (name != null && SUCCESS.matcher(name).matches() && root(c) instanceof Name rn && RESULT_TYPE.matcher(rn.id()).matches()) return Outcome.SUCCESS;
        }
        if (status != null) return status >= 500 ? Outcome.SERVER_ERROR : status >= 400 ? Outcome.CLIENT_ERROR : Outcome.SUCCESS;
        if (STATUS_NAME.matcher(text).find()) return Outcome.CLIENT_ERROR;
        if (text.contains("INTERNAL_SERVER_ERROR") || text.contains("SERVICE_UNAVAILABLE")) return Outcome.SERVER_ERROR;
        if (sm.find()) {
            int s = Integer.parseInt(sm.group(1));
            return s >= 500 ? Outcome.SERVER_ERROR : s >= 400 ? Outcome.CLIENT_ERROR : Outcome.UNKNOWN;
        }
        return Outcome.UNKNOWN;
    }

    /** {@code { success: true }}, {@code { ok: false }}, {@code { error: ... }}. */
    private static Outcome judgeObject(ObjectLit obj) {
        for (dev.prodlint.model.expr.Property p : obj.properties()) {
            if (p.key() == null || p.value() == null) continue;
            String key = p.key();
            String v = p.value().unwrap() instanceof Literal l ? l.value() : null;
            if ((key.equals("success") || key.equals("ok")) && "true".equals(v)) return Outcome.SUCCESS;
            // a failure in the body of a 2xx answer: the caller is told, the cause is not recorded
            if ((key.equals("success") || key.equals("ok")) && "false".equals(v)) return Outcome.FAILURE;
            if ((key.equals("error") || key.equals("errors")) && !"null".equals(v) && !"undefined".equals(v)) return Outcome.FAILURE;
            if ((key.equals("status") || key.equals("statusCode") || key.equals("code")) && v != null && v.matches("[45]\\d\\d")) {
                return v.startsWith("4") ? Outcome.CLIENT_ERROR : Outcome.SERVER_ERROR;
            }
        }
        return Outcome.NONE;
    }
}
