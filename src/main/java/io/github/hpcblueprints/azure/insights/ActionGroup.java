package io.github.hpcblueprints.azure.insights;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * An action group ({@code Microsoft.Insights/actionGroups}): who is told when a budget threshold or an alert fires.
 * Email addresses come in as expressions (usually one array parameter), so they stay out of the template.
 */
public final class ActionGroup extends ResourceSpec<ActionGroup> {

    public static final String TYPE = "Microsoft.Insights/actionGroups";
    public static final String API_VERSION = "2023-01-01";

    private final String shortName;
    private final List<Expr> emails = new ArrayList<>();
    private Expr emailArray;

    private ActionGroup(Expr name, String shortName) {
        super(name, TYPE, API_VERSION);
        Names.general("action group", name, 260);
        if (shortName.isBlank() || shortName.length() > 12) {
            throw new IllegalArgumentException("action group short name '" + shortName + "' must be 1-12 characters "
                    + "(it appears in SMS and email subjects)");
        }
        this.shortName = shortName;
    }

    public static ActionGroup named(Expr name, String shortName) {
        return new ActionGroup(name, shortName);
    }

    public static ActionGroup named(String name, String shortName) {
        return named(Expr.str(name), shortName);
    }

    public ActionGroup email(Expr address) {
        emails.add(address);
        return this;
    }

    /** One receiver per address of an array expression (a copy loop over an array parameter). */
    public ActionGroup emails(Expr arrayOfAddresses) {
        this.emailArray = arrayOfAddresses;
        return this;
    }

    @Override
    protected ActionGroup self() {
        return this;
    }

    @Override
    public Resource toResource() {
        if (emails.isEmpty() && emailArray == null) {
            throw new IllegalArgumentException("action group " + name.toArmString() + " notifies nobody");
        }
        var props = Json.obj("groupShortName", shortName, "enabled", true);
        if (emailArray != null) {
            Expr i = Expr.call("copyIndex", Expr.str("emailReceivers"));
            props.set("copy", Json.arr(Json.obj(
                    "name", "emailReceivers",
                    "count", Expr.call("length", emailArray),
                    "input", Json.obj(
                            "name", Expr.format("email-{0}", i),
                            "emailAddress", new Expr.Index(emailArray, i),
                            "useCommonAlertSchema", true))));
        } else {
            ArrayNode receivers = props.putArray("emailReceivers");
            for (int k = 0; k < emails.size(); k++) {
                receivers.add(Json.obj("name", "email-" + k, "emailAddress", emails.get(k),
                        "useCommonAlertSchema", true));
            }
        }
        return base(false).location(Expr.str("Global")).properties(props).build();
    }
}
