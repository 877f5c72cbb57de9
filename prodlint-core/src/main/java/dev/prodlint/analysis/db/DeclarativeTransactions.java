package dev.prodlint.analysis.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spring's XML transactions: {@code <tx:advice>} method-name patterns applied to the classes an
 * {@code <aop:advisor pointcut="execution(* com.acme.service..*.*(..))">} names. A method of a class
 * under such a package whose name matches a pattern runs in a transaction.
 */
public final class DeclarativeTransactions {
    private static final Pattern METHOD = Pattern.compile("<tx:method\\s+([^>]*?)/?>");
    private static final Pattern NAME = Pattern.compile("name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern PROPAGATION = Pattern.compile("propagation\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern POINTCUT = Pattern.compile("execution\\(\\s*\\S+\\s+([\\w.]+?)\\.{1,2}\\*");

    /** @param packages the pointcut's packages ({@code com.acme.service}: the package and its subpackages) */
    private record Advice(List<String> packages, List<Pattern> methods) {
    }

    private final List<Advice> advices = new CopyOnWriteArrayList<>();

    /** Reads one Spring XML file; files without {@code <tx:method>} add nothing. */
    public void xml(String text) {
        if (!text.contains("tx:method")) return;
        List<Pattern> methods = new ArrayList<>();
        Matcher m = METHOD.matcher(text);
        while (m.find()) {
            Matcher name = NAME.matcher(m.group(1));
            if (!name.find()) continue;
            Matcher prop = PROPAGATION.matcher(m.group(1));
            String p = prop.find() ? prop.group(1) : "REQUIRED";
            if (p.equals("SUPPORTS") || p.equals("NOT_SUPPORTED") || p.equals("NEVER")) continue;
            methods.add(Pattern.compile(name.group(1).replace("*", "[A-Za-z0-9_$]*")));
        }
        List<String> packages = new ArrayList<>();
        Matcher pc = POINTCUT.matcher(text);
        while (pc.find()) packages.add(pc.group(1));
        if (!methods.isEmpty() && !packages.isEmpty()) advices.add(new Advice(packages, methods));
    }

    /** A method of a class in this package runs in a transaction the XML declares. */
    public boolean covers(String javaPackage, String method) {
        if (method == null || javaPackage == null || advices.isEmpty()) return false;
        for (Advice a : advices) {
            if (a.packages().stream().noneMatch(p -> javaPackage.equals(p) || javaPackage.startsWith(p + "."))) continue;
            for (Pattern p : a.methods()) if (p.matcher(method).matches()) return true;
        }
        return false;
    }
}
