package io.github.hpcblueprints.azure.netapp;

import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.azure.Names;
import io.github.hpcblueprints.azure.ResourceSpec;

/** An Azure NetApp Files account ({@code Microsoft.NetApp/netAppAccounts}), the container of capacity pools. */
public final class NetAppAccount extends ResourceSpec<NetAppAccount> {

    public static final String TYPE = "Microsoft.NetApp/netAppAccounts";
    public static final String API_VERSION = "2026-05-01";

    private NetAppAccount(Expr name) {
        super(name, TYPE, API_VERSION);
        Names.general("NetApp account", name, 128);
    }

    public static NetAppAccount named(String name) {
        return new NetAppAccount(Expr.str(name));
    }

    public static NetAppAccount named(Expr name) {
        return new NetAppAccount(name);
    }

    @Override
    protected NetAppAccount self() {
        return this;
    }

    @Override
    public Resource toResource() {
        return base(true).properties(JsonTrees.object()).build();
    }
}
