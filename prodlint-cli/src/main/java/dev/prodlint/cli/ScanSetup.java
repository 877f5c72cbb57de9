package dev.prodlint.cli;

import dev.prodlint.apimodel.ApiModels;
import dev.prodlint.config.Config;
import dev.prodlint.engine.ScanOptions;
import dev.prodlint.engine.Scanner;
import dev.prodlint.rules.Rule;
import dev.prodlint.rules.RuleRegistry;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What `check` and `baseline` share before scanning: the configuration (given, or prodlint.yaml in
 * the root), the rules it and --enable select, and the API models with the project's own files.
 */
record ScanSetup(Config config, List<Rule> rules, ApiModels models) {

    /** Null, after a message on err, when the configuration, a rule id or a model file is wrong. */
    static ScanSetup prepare(PrintWriter err, Path root, Path configFile, List<String> enable) {
        Config config = config(err, root, configFile);
        if (config == null) return null;
        List<Rule> rules = new ArrayList<>(config.rules(RuleRegistry.defaults()));
        for (String id : enable) {
            java.util.Optional<Rule> r = RuleRegistry.byId(id.strip());
            if (r.isEmpty()) {
                err.println("prodlint: --enable: unknown rule '" + id.strip() + "' (see `prodlint rules`)");
                return null;
            }
            if (!rules.contains(r.get())) rules.add(r.get());
        }
        try {
            return new ScanSetup(config, rules, ApiModels.bundled(config.models()));
        } catch (RuntimeException e) {
            err.println("prodlint: " + e.getMessage());
            return null;
        }
    }

    /** A scanner over these rules and models that honours the configuration's include and exclude globs. */
    /** The worker count: the option, or the number of cores; null (after saying why) when the option is not usable. */
    static Integer threads(PrintWriter err, Integer option) {
        if (option != null && option < 1) {
            err.println("prodlint: --threads must be at least 1");
            return null;
        }
        return option != null ? option : Runtime.getRuntime().availableProcessors();
    }

    Scanner scanner(ScanOptions options) {
        return new Scanner(options, models, rules).withFilter(config.filtersFiles() ? config::scans : null);
    }

    private static Config config(PrintWriter err, Path root, Path given) {
        Path file = given != null ? given : root.resolve(Config.FILE_NAME);
        if (given == null && !Files.isRegularFile(file)) return Config.NONE;
        try {
            return Config.load(file);
        } catch (Config.ConfigException e) {
            err.println("prodlint: " + e.getMessage());
            return null;
        }
    }
}
