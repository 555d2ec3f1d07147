package io.github.hpcblueprints.maven;

import io.github.hpcblueprints.diagnostics.BlueprintException;
import io.github.hpcblueprints.diagnostics.Problem;
import io.github.hpcblueprints.generate.GenerateService;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** What every goal does the same way: find the blueprints, and turn errors into Maven's two kinds of failure. */
final class Goals {

    private Goals() {
    }

    /** A goal's work, which may refuse its input. */
    interface Work {
        void run() throws MojoFailureException;
    }

    /**
     * Runs {@code work}: bad input (located problems, each logged as an error) fails the build; anything else is a
     * bug of ours and says so.
     */
    static void run(Log log, Work work) throws MojoFailureException, MojoExecutionException {
        try {
            work.run();
        } catch (BlueprintException e) {
            e.problems().forEach(p -> log.error(p.describe()));
            throw new MojoFailureException(e.problems().stream().map(Problem::describe)
                    .collect(Collectors.joining("\n")));
        } catch (RuntimeException e) {
            throw new MojoExecutionException("internal error in hpc-blueprints (a bug; please report it with the "
                    + "blueprint): " + e, e);
        }
    }

    /** The blueprints under {@code directory}, with a warning when there are none. */
    static List<Path> blueprints(Log log, File directory) {
        List<Path> blueprints = GenerateService.blueprintsUnder(directory.toPath());
        if (blueprints.isEmpty()) {
            log.warn("no blueprints (*.yaml) in " + directory);
        }
        return blueprints;
    }
}
