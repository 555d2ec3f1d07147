package io.github.hpcblueprints.cyclecloud;

import io.github.hpcblueprints.text.TextTemplates;
import java.util.Map;

/** The CycleCloud files' templates, stored beside this class. */
final class Renderer {

    private static final TextTemplates TEMPLATES = TextTemplates.besides(Renderer.class);

    private Renderer() {
    }

    /** Renders {@code name} with {@code model}. */
    static String render(String name, Map<String, ?> model) {
        return TEMPLATES.render(name, model);
    }
}
