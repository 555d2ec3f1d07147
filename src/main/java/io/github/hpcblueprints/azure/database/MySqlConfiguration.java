package io.github.hpcblueprints.azure.database;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import io.github.hpcblueprints.arm.Json;
import java.util.List;

/** One server parameter of a MySQL flexible server ({@code flexibleServers/configurations}), set by the user. */
public final class MySqlConfiguration extends ResourceSpec<MySqlConfiguration> {

    public static final String TYPE = "Microsoft.DBforMySQL/flexibleServers/configurations";
    public static final String API_VERSION = MySqlFlexibleServer.API_VERSION;

    private final String value;

    private MySqlConfiguration(Expr name, String value) {
        super(name, TYPE, API_VERSION);
        this.value = value;
    }

    public static MySqlConfiguration of(Ref<MySqlFlexibleServer> server, String parameter, String value) {
        MySqlConfiguration c = new MySqlConfiguration(io.github.hpcblueprints.arm.ResourceNames.join(
                List.of(server.name(), Expr.str(parameter))), value);
        c.dependsOn(server);
        return c;
    }

    @Override
    protected MySqlConfiguration self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(false).properties(Json.obj("value", value, "source", "user-override")).build();
    }
}
