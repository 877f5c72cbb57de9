package dev.prodlint.rules.missingtimeout;

import dev.prodlint.model.SourceModule;

/**
 * Code that runs in a browser: a component file (.tsx, .jsx) or a module marked {@code 'use client'}.
 * A hung request there stalls one user's page, not a service, and the browser ends it with the page.
 */
final class BrowserCode {
    private BrowserCode() {
    }

    static boolean is(SourceModule m) {
        String path = m.path();
        if (path.endsWith(".tsx") || path.endsWith(".jsx")) return true;
        String head = m.text().content();
        head = head.substring(0, Math.min(head.length(), 200)).stripLeading();
        return head.startsWith("'use client'") || head.startsWith("\"use client\"");
    }
}
