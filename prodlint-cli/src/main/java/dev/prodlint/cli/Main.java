package dev.prodlint.cli;

import dev.prodlint.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `prodlint` command. */
@Command(name = "prodlint", mixinStandardHelpOptions = true,
        exitCodeOnInvalidInput = Main.EXIT_ERROR, exitCodeOnExecutionException = Main.EXIT_ERROR, versionProvider = Main.VersionProvider.class,
        description = "Finds the production hazards that pass code review: leaked connections, "
                + "cache stampedes, retry storms, races, and more.",
        subcommands = {CheckCommand.class, BaselineCommand.class, RulesCommand.class, ExplainCommand.class, DocsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit codes: the contract CI scripts rely on. */
    public static final int EXIT_CLEAN = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("prodlint: internal error: " + ex);
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"prodlint " + Version.get()};
        }
    }
}
