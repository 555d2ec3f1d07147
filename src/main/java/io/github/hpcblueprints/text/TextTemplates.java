package io.github.hpcblueprints.text;

import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * FreeMarker set up for files that must come out the same every time: templates from one package on the
 * classpath (the package of the class given), square-bracket syntax ({@code [#if]}, {@code [=x]}) so that shell's and CycleCloud's {@code ${...}} and
 * {@code $Name} pass through untouched, no locale-dependent number formatting, and a missing value is an error rather
 * than an empty string.
 */
public final class TextTemplates {

    private final Configuration config;

    private TextTemplates(Class<?> anchor) {
        this.config = configure(anchor);
    }

    /** The templates stored beside {@code anchor} (in its package's resource folder). */
    public static TextTemplates besides(Class<?> anchor) {
        return new TextTemplates(anchor);
    }

    private static Configuration configure(Class<?> anchor) {
        Configuration c = new Configuration(Configuration.VERSION_2_3_34);
        c.setClassForTemplateLoading(anchor, "");
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setBooleanFormat("c");
        c.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        c.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        c.setWrapUncheckedExceptions(true);
        c.setFallbackOnNullLoopVariable(false);
        c.setAPIBuiltinEnabled(false);
        return c;
    }

    /** Renders {@code name} (a file next to the anchor class) with {@code model}; output uses {@code \n}. */
    public String render(String name, Map<String, ?> model) {
        try {
            Template t = config.getTemplate(name);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString().replace("\r\n", "\n");
        } catch (ParseException e) {
            throw new IllegalStateException("template " + name + " does not parse: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("template " + name + " is missing from the jar", e);
        } catch (TemplateException e) {
            // a broken template is our bug, not the user's input
            throw new IllegalStateException("template " + name + " failed: " + e.getMessageWithoutStackTop(), e);
        }
    }
}
