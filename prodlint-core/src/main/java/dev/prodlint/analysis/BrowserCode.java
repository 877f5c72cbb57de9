package dev.prodlint.analysis;

import dev.prodlint.model.SourceModule;

/**
 * Code that runs in a browser or an app: a component file (.tsx, .jsx), a module marked
 * {@code 'use client'}, or a front-end or mobile folder of a monorepo.
 * A hung request there stalls one user's page, not a service, and the browser ends it with the page.
 */
public final class BrowserCode {
    private BrowserCode() {
    }

    /** Folders of front-end and app code in monorepos. */
    private static final java.util.List<String> FRONT_END = java.util.List.of("/front-end/", "/frontend/", "/mobile/",
            "/browser/", "/extension/", "/browser-extension/", "/webview/", "/public/", "/ui/", "/static/", "/web-ui/",
            "/webapp/", "/resources/static/", "/admin/src/", "/client/src/", "/web/src/", "/src/composables/",
            "/src/store/", "/src/stores/", "/src/components/", "/src/hooks/", "/src/views/", "/react/",
            "/shared/editor/", "/admin-ui/", "/miniprogram/", "/vant-weapp/", "/wxcomponents/", "/uni_modules/", "/ui-extension/");
    /** Imports of UI libraries: the module runs in a page. */
    private static final java.util.Set<String> UI_MODULES = java.util.Set.of("react", "react-dom", "vue", "svelte",
            "element-ui", "element-plus", "zustand", "file-saver", "next/navigation", "next/router", "@tanstack/react-query",
            "@tanstack/vue-query", "@reduxjs/toolkit", "react-redux", "vuex", "pinia", "whatwg-fetch", "antd", "@mui/material",
            "swr", "svelte/store", "react-query", "@angular/core", "@angular/platform-browser-dynamic", "@angular/common",
            "@stripe/ui-extension-sdk/ui", "@stripe/ui-extension-sdk/context");
    /** Globals only a browser has. */
    private static final java.util.regex.Pattern BROWSER_GLOBALS = java.util.regex.Pattern.compile(
            "\\b(window\\.(location|addEventListener|localStorage|document|open)|document\\.(getElementById|querySelector|cookie|createElement)"
                    + "|localStorage\\.|sessionStorage\\.|navigator\\.serviceWorker|saveAs\\(|createAsyncThunk\\(|useEffect\\(|useQuery\\("
                    // WeChat and uni-app mini programs
                    + "|\\bwx\\.(request|getStorageSync|setStorageSync|navigateTo|showToast|showModal|login)\\(|\\buni\\.(request|navigateTo|showToast)\\(|(?m:^\\s*(Page|Vant\\w*Component|Component|Behavior|App)\\(\\{)|getApp\\(\\)|this\\.setData\\()");

    /**
     * Text every match of {@link #BROWSER_GLOBALS} contains: a file with none of it (most server
     * files) skips the expression, whose alternatives are tried at every character of the file
     * (measured on the generated 1M-line repository: 2.5 s for its Java half, 0.3 s for these).
     */
    private static final java.util.List<String> BROWSER_TEXT = java.util.List.of("window.", "document.", "localStorage.",
            "sessionStorage.", "navigator.serviceWorker", "saveAs(", "createAsyncThunk(", "useEffect(", "useQuery(", "wx.", "uni.",
            "Page({", "Component({", "Behavior({", "App({", "getApp()", "this.setData(");

    private static boolean mayNameBrowserGlobals(String code) {
        for (String t : BROWSER_TEXT) {
            if (code.contains(t)) return true;
        }
        return false;
    }

    public static boolean is(SourceModule m) {
        String path = "/" + m.path().replace('\\', '/');
        if (path.endsWith(".tsx") || path.endsWith(".jsx")) return true;
        for (String dir : FRONT_END) {
            if (path.contains(dir)) return true;
        }
        if (path.endsWith("serviceWorker.js") || path.endsWith("service-worker.js")) return true;
        for (dev.prodlint.model.Import i : m.imports()) {
            if (UI_MODULES.contains(i.module())) return true;
        }
        if (mayNameBrowserGlobals(m.text().content()) && BROWSER_GLOBALS.matcher(m.text().content()).find()) return true;
        String head = m.text().content();
        head = head.substring(0, Math.min(head.length(), 200)).stripLeading();
        return head.startsWith("'use client'") || head.startsWith("\"use client\"");
    }
}
