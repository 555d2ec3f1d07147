package io.github.hpcblueprints.rules;

/** Paths to properties that may be absent: a finding on a missing property points at its nearest parent. */
final class JsonNodePath {

    private JsonNodePath() {
    }

    static boolean exists(ResourceView r, String dotted) {
        return !r.get(dotted).isMissingNode();
    }

    /** The path of {@code dotted} below the resource, or of its nearest existing ancestor. */
    static String nearest(ResourceView r, String dotted) {
        String d = dotted;
        while (!d.isEmpty()) {
            if (exists(r, d)) {
                return r.at(d);
            }
            int dot = d.lastIndexOf('.');
            d = dot < 0 ? "" : d.substring(0, dot);
        }
        return r.path();
    }
}
