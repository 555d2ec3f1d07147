package io.github.hpcblueprints.cyclecloud;

import java.util.List;
import java.util.stream.Collectors;

/** Values made safe to paste into the shell scripts we generate. */
final class Shell {

    private Shell() {
    }

    /** {@code 'value'}, with embedded single quotes closed and reopened: the shell reads it back unchanged. */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A bash array literal: {@code ('a' 'b')}. */
    static String array(List<String> values) {
        return values.stream().map(Shell::quote).collect(Collectors.joining(" ", "(", ")"));
    }
}
