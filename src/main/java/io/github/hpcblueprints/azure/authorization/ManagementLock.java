package io.github.hpcblueprints.azure.authorization;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.Objects;

/**
 * A management lock ({@code Microsoft.Authorization/locks}) on a resource. {@code CanNotDelete} on the storage that
 * holds research data means deleting it takes a deliberate second step (removing the lock), by someone allowed to.
 */
public final class ManagementLock extends ResourceSpec<ManagementLock> {

    public static final String TYPE = "Microsoft.Authorization/locks";
    public static final String API_VERSION = "2020-05-01";

    /** Lock levels. */
    public enum Level { CanNotDelete, ReadOnly }

    private final Expr scope;
    private final Level level;
    private final String notes;

    private ManagementLock(Expr name, Expr scope, Level level, String notes) {
        super(name, TYPE, API_VERSION);
        this.scope = Objects.requireNonNull(scope);
        this.level = Objects.requireNonNull(level);
        this.notes = Objects.requireNonNull(notes);
        if (notes.length() > 512) {
            throw new IllegalArgumentException("lock notes are limited to 512 characters");
        }
    }

    public static ManagementLock cannotDelete(Ref<?> target, String name, String notes) {
        return new ManagementLock(Expr.str(name), target.scopeRef(), Level.CanNotDelete, notes);
    }

    @Override
    protected ManagementLock self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return Resource.builder(TYPE, API_VERSION, name).scope(scope).dependsOn(dependsOn)
                .properties(Json.obj("level", level.name(), "notes", notes)).build();
    }
}
