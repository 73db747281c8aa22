package org.latentlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Every option and parameter of every command says what it is for in --help. */
class HelpTest {
    @Test
    void everyOptionHasADescription() {
        List<String> silent = new ArrayList<>();
        collect(new CommandLine(new Cli()).getCommandSpec(), silent);
        collect(new CommandLine(new OpenCommand(m -> { })).getCommandSpec(), silent);
        assertEquals(List.of(), silent);
    }

    private static void collect(CommandSpec spec, List<String> silent) {
        spec.options().stream().filter(o -> !o.usageHelp() && !o.versionHelp())
                .filter(o -> String.join("", o.description()).isBlank())
                .forEach(o -> silent.add(spec.qualifiedName() + " " + o.longestName()));
        spec.positionalParameters().stream().filter(p -> String.join("", p.description()).isBlank())
                .forEach(p -> silent.add(spec.qualifiedName() + " " + p.paramLabel()));
        spec.subcommands().values().forEach(sub -> collect(sub.getCommandSpec(), silent));
    }
}
