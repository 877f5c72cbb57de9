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
    private static final Pattern NOT_SERVER = Pattern.compile("(^|/)(scripts?|seeds?|seeders?|migrations?|loaders?|bin|tools?|cli|extra|e2e|cypress|[\\w-]*test-utils"
            + "|playwright|mocks?|benchmarks?|bench|docs?|stories|storybook|codegen|generated|\\.husky|demos?|[\\w-]+-demos?(-[\\w-]+)?"
            + "|[\\w-]*(acceptance|integration|system|load|perf|smoke)[-_]?tests?|dev-server|test-[\\w-]+|[\\w-]+-tests?)/|(AT|IT|Tests?|Demo)\\.java$"
            + "|(^|/)[^/]*\\.(config|conf|setup)\\.[cm]?[jt]s$|(^|/)(gulpfile|gruntfile|webpack|rollup|vite|jest|vitest|babel|eslint|postinstall|preinstall|prepare)[^/]*$");

    private ServerCode() {
    }

    private static final Pattern CACHE_WRAPPER = Pattern.compile("(^|/)(Redis|Jedis|Cache|RedisCache|JedisCluster)\\w*(Util|Utils|Helper|Client|Manager|Service|ServiceImpl|Template|Operator|Cache)?\\.java$|(^|/)\\w*(RedisUtil|RedisUtils|CacheUtil|CacheUtils|RedisHelper)\\.java$");

    /** Code that is the logging: when it fails, stderr is the only place left to say so. */
    private static final Pattern LOGGING = Pattern.compile("(^|/)(log|logs|logging|logger)/|(Log|Logger|LogHandler|Appender|LogFactory)\\.java$");

    static boolean isLogging(SourceModule m) {
        return LOGGING.matcher(m.path().replace('\\', '/')).find();
    }

    static boolean is(SourceModule m) {
        String path = m.path().replace('\\', '/');
        if (NOT_SERVER.matcher(path).find() || dev.prodlint.engine.FileWalker.isTest(path)) return false;
        if (m.language() == Language.JAVA) {
            String text = m.text().content();
            // android apps; standalone helpers with their own main() and no Spring wiring; Redis/cache wrappers (a failed cache call is a miss)
            if (path.contains("/android/") || text.contains("import android.")) return false;
            if (text.contains("public static void main(String") && !text.contains("@SpringBootApplication") && !text.contains("@Component")
                    && !text.contains("@Service")) return false;
            return !CACHE_WRAPPER.matcher(path).find();
        }
        // command-line tools
        for (dev.prodlint.model.Import i : m.imports()) {
            if (i.module().startsWith("@oclif/") || i.module().equals("commander") || i.module().equals("yargs") || i.module().equals("readline")) return false;
        }
        return !BrowserCode.is(m);
    }
}
