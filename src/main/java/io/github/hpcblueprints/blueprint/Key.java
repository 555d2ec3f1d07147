package io.github.hpcblueprints.blueprint;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One key of the blueprint format, on the component of a {@link BlueprintDocument} record that Jackson binds it to:
 * what it means, its constraints and its default. The JSON Schema, the loader's hints and the defaults the mapper
 * sees all come from these, so a key is described in exactly one place. On a list, the constraints apply to its
 * items.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface Key {

    /** What the key means (the schema's description). */
    String doc();

    boolean required() default false;

    /** A regular expression a string must match. */
    String pattern() default "";

    /** An example value editors offer. */
    String example() default "";

    /** The only values a string may take. */
    String[] values() default {};

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;

    /** The value an absent key takes, as text (parsed as the key's type); "" for none. */
    String byDefault() default "";
}
