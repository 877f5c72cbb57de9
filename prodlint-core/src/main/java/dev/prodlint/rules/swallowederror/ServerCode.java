package dev.prodlint.rules.swallowederror;

import dev.prodlint.analysis.BrowserCode;
import dev.prodlint.model.Language;
import dev.prodlint.model.SourceModule;
import java.util.regex.Pattern;

/**
 * Whether a file is server code, where a lost failure is a lost write or a silent outage: not a
 * page, not a script run by hand, not build tooling. Tests never reach the rules.
 */
final class ServerCode {
    private static final Pattern NOT_SERVER = Pattern.compile("(^|/)(scripts?|seeds?|seeders?|migrations?|bin|tools?|cli|extra|e2e|cypress"
            + "|playwright|mocks?|benchmarks?|bench|docs?|stories|storybook|codegen|generated|\\.husky|demos?|[\\w-]+-demos?(-[\\w-]+)?"
            + "|[\\w-]*(acceptance|integration|system|load|perf|smoke)[-_]?tests?)/|(AT|IT|Tests?|Demo)\\.java$"
            + "|(^|/)[^/]*\\.(config|conf|setup)\\.[cm]?[jt]s$|(^|/)(gulpfile|gruntfile|webpack|rollup|vite|jest|vitest|babel|eslint)[^/]*$");

    private ServerCode() {
    }

    /** Code that is the logging: when it fails, stderr is the only place left to say so. */
    private static final Pattern LOGGING = Pattern.compile("(^|/)(log|logs|logging|logger)/|(Log|Logger|LogHandler|Appender|LogFactory)\\.java$");

    static boolean isLogging(SourceModule m) {
        return LOGGING.matcher(m.path().replace('\\', '/')).find();
    }

    static boolean is(SourceModule m) {
        String path = m.path().replace('\\', '/');
        if (NOT_SERVER.matcher(path).find() || dev.prodlint.engine.FileWalker.isTest(path)) return false;
        if (m.language() == Language.JAVA) return !path.contains("/android/") && !m.text().content().contains("import android.");
        // command-line tools
        for (dev.prodlint.model.Import i : m.imports()) {
            if (i.module().startsWith("@oclif/") || i.module().equals("commander") || i.module().equals("yargs") || i.module().equals("readline")) return false;
        }
        return !BrowserCode.is(m);
    }
}
