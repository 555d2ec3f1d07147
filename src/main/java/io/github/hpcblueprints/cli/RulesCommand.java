package io.github.hpcblueprints.cli;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Location;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.diagnostics.Suggest;
import io.github.hpcblueprints.rules.Catalogue;
import io.github.hpcblueprints.rules.RuleInfo;
import io.github.hpcblueprints.validate.RuleCatalogueWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code hpcb rules} lists the catalogue; {@code hpcb rules explain ID} explains one rule. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "List the rules, or explain one.",
        subcommands = RulesCommand.Explain.class)
final class RulesCommand implements Callable<Integer> {

    @ParentCommand
    Cli cli;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json or markdown (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        List<RuleInfo> rules = Catalogue.standard().infos();
        String out = switch (format) {
            case "text" -> RuleCatalogueWriter.text(rules);
            case "json" -> RuleCatalogueWriter.json(rules);
            case "markdown" -> RuleCatalogueWriter.markdown(rules);
            default -> throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be text, json or markdown, not '" + format + "'");
        };
        cli.out().print(out);
        return ExitCode.OK;
    }

    @Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain one rule: why, fix, "
            + "equivalents.")
    static final class Explain implements Callable<Integer> {

        @ParentCommand
        RulesCommand parent;

        @Parameters(paramLabel = "ID", description = "A rule id, such as HPCB-NET-004.")
        String id;

        @Override
        public Integer call() {
            String wanted = id.toUpperCase(java.util.Locale.ROOT);
            if (!wanted.startsWith("HPCB-")) {
                wanted = "HPCB-" + wanted; // ACCESS-002 is how people quote them
            }
            String asked = wanted;
            RuleInfo info = Catalogue.standard().info(asked).orElseThrow(() -> {
                List<String> ids = Catalogue.standard().infos().stream().map(RuleInfo::id).toList();
                String guess = Suggest.closest(asked, ids);
                return new BlueprintException(Problem.of("RULES", "no rule " + id, Location.UNKNOWN,
                        guess.isEmpty() ? "hpcb rules lists them" : "did you mean " + guess + "?"));
            });
            parent.cli.out().print(RuleCatalogueWriter.explain(info));
            return ExitCode.OK;
        }
    }
}
