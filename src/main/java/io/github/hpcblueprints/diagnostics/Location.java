package io.github.hpcblueprints.diagnostics;

import java.util.Objects;

/**
 * Where a problem is: a file (or other source name), a 1-based line and column, and a JSON path
 * ({@code $.resources[0].name}). Any part may be unknown: an empty source, line/column 0, an empty path.
 */
public record Location(String source, int line, int column, String jsonPath) {

    public static final Location UNKNOWN = new Location("", 0, 0, "");

    public Location {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(jsonPath, "jsonPath");
        if (line < 0 || column < 0) {
            throw new IllegalArgumentException("line and column are 1-based, or 0 when unknown");
        }
    }

    public static Location of(String source, int line, int column) {
        return new Location(source, line, column, "");
    }

    public static Location ofPath(String jsonPath) {
        return new Location("", 0, 0, jsonPath);
    }

    public Location withSource(String newSource) {
        return new Location(newSource, line, column, jsonPath);
    }

    public Location withPath(String newPath) {
        return new Location(source, line, column, newPath);
    }

    public Location withPosition(int newLine, int newColumn) {
        return new Location(source, newLine, newColumn, jsonPath);
    }

    public boolean hasPosition() {
        return line > 0;
    }

    /** {@code file:line:column (path)}, leaving out what is unknown. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!source.isEmpty()) {
            sb.append(source);
        }
        if (line > 0) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        if (!jsonPath.isEmpty()) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(jsonPath);
        }
        return sb.toString();
    }
}
