package dev.prodlint.rules.missingtimeout;

import dev.prodlint.model.SourceModule;

/**
 * Code that runs in a browser or an app: a component file (.tsx, .jsx), a module marked
 * {@code 'use client'}, or a front-end or mobile folder of a monorepo.
 * A hung request there stalls one user's page, not a service, and the browser ends it with the page.
 */
final class BrowserCode {
    private BrowserCode() {
    }

    /** Folders of front-end and app code in monorepos. */
    private static final java.util.List<String> FRONT_END = java.util.List.of("/front-end/", "/frontend/", "/mobile/",
            "/browser/", "/extension/", "/browser-extension/", "/webview/", "/public/", "/ui/", "/static/", "/web-ui/",
            "/webapp/", "/resources/static/");
    /** Globals only a browser has. */
    private static final java.util.regex.Pattern BROWSER_GLOBALS = java.util.regex.Pattern.compile(
            "\\b(window\\.(location|addEventListener|localStorage|document)|document\\.(getElementById|querySelector|cookie)|localStorage\\.|navigator\\.serviceWorker)");

    static boolean is(SourceModule m) {
        String path = "/" + m.path().replace('\\', '/');
        if (path.endsWith(".tsx") || path.endsWith(".jsx")) return true;
        for (String dir : FRONT_END) {
            if (path.contains(dir)) return true;
        }
        if (path.endsWith("serviceWorker.js") || path.endsWith("service-worker.js")) return true;
        if (BROWSER_GLOBALS.matcher(m.text().content()).find()) return true;
        String head = m.text().content();
        head = head.substring(0, Math.min(head.length(), 200)).stripLeading();
        return head.startsWith("'use client'") || head.startsWith("\"use client\"");
    }
}
