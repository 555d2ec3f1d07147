package io.github.hpcblueprints.azure.operationalinsights;

import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.math.BigDecimal;

/**
 * A Log Analytics workspace ({@code Microsoft.OperationalInsights/workspaces}) for audit and diagnostic logs.
 *
 * <p>Secure defaults: Entra ID only (local shared-key authentication off), access by resource permissions, 90 days
 * retention. Public ingestion and query stay enabled by default because, without an Azure Monitor private link
 * scope, turning them off also cuts agents off; diagnostic settings use Azure's backbone either way.
 */
public final class LogAnalyticsWorkspace extends ResourceSpec<LogAnalyticsWorkspace> {

    public static final String TYPE = "Microsoft.OperationalInsights/workspaces";
    public static final String API_VERSION = "2025-07-01";

    private int retentionDays = 90;
    private BigDecimal dailyCapGb;
    private boolean publicAccess = true;

    private LogAnalyticsWorkspace(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("Log Analytics workspace", name, 63);
        if (name instanceof Expr.Str s && s.value().length() < 4) {
            throw new IllegalArgumentException("Log Analytics workspace name '" + s.value() + "' must be 4-63 "
                    + "characters");
        }
    }

    public static LogAnalyticsWorkspace named(Expr name) {
        return new LogAnalyticsWorkspace(name);
    }

    public static LogAnalyticsWorkspace named(String name) {
        return named(Expr.str(name));
    }

    public LogAnalyticsWorkspace retentionDays(int days) {
        if (days < 30 || days > 730) {
            throw new IllegalArgumentException("retention " + days + " days is outside 30-730");
        }
        this.retentionDays = days;
        return this;
    }

    /** Stops ingestion for the day after {@code gb} GB: a cost guard rail (logs after the cap are lost). */
    public LogAnalyticsWorkspace dailyCapGb(BigDecimal gb) {
        if (gb.signum() <= 0) {
            throw new IllegalArgumentException("daily cap must be above 0 GB");
        }
        this.dailyCapGb = gb;
        return this;
    }

    /** Ingestion and query only through a private link scope. */
    public LogAnalyticsWorkspace privateOnly() {
        this.publicAccess = false;
        return this;
    }

    @Override
    protected LogAnalyticsWorkspace self() {
        return this;
    }

    @Override
    public Resource toResource() {
        var props = Json.obj(
                "sku", Json.obj("name", "PerGB2018"),
                "retentionInDays", retentionDays,
                "features", Json.obj("disableLocalAuth", true, "enableLogAccessUsingOnlyResourcePermissions", true),
                "publicNetworkAccessForIngestion", publicAccess ? "Enabled" : "Disabled",
                "publicNetworkAccessForQuery", publicAccess ? "Enabled" : "Disabled");
        if (dailyCapGb != null) {
            props.set("workspaceCapping", Json.obj("dailyQuotaGb", dailyCapGb));
        }
        return base(true).properties(props).build();
    }
}
