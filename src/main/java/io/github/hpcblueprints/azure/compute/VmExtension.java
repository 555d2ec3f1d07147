package io.github.hpcblueprints.azure.compute;

import io.github.hpcblueprints.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.hpcblueprints.arm.Expr;
import io.github.hpcblueprints.arm.Json;
import io.github.hpcblueprints.arm.Resource;
import io.github.hpcblueprints.arm.ResourceNames;
import io.github.hpcblueprints.azure.Ref;
import io.github.hpcblueprints.azure.ResourceSpec;
import java.util.List;
import java.util.Objects;

/**
 * A VM extension ({@code Microsoft.Compute/virtualMachines/extensions}). Settings only: this type has no way to
 * pass protected settings, so no secret can end up in a template through it.
 */
public final class VmExtension extends ResourceSpec<VmExtension> {

    public static final String TYPE = "Microsoft.Compute/virtualMachines/extensions";
    public static final String API_VERSION = "2026-03-01";

    private final String publisher;
    private final String extensionType;
    private final String version;
    private ObjectNode settings = JsonTrees.object();

    private VmExtension(Expr name, String publisher, String extensionType, String version) {
        super(name, TYPE, API_VERSION);
        this.publisher = Objects.requireNonNull(publisher);
        this.extensionType = Objects.requireNonNull(extensionType);
        this.version = Objects.requireNonNull(version);
    }

    /** Extension {@code name} on {@code vm}. */
    public static VmExtension of(Ref<LinuxVirtualMachine> vm, String name, String publisher, String type,
            String typeHandlerVersion) {
        return new VmExtension(ResourceNames.join(List.of(vm.name(), Expr.str(name))), publisher, type,
                typeHandlerVersion);
    }

    /**
     * Entra ID sign-in over SSH ({@code AADSSHLoginForLinux}): users sign in with their Entra ID account, access
     * comes from the Virtual Machine User/Administrator Login roles. The VM needs a system-assigned identity.
     */
    public static VmExtension entraIdSshLogin(Ref<LinuxVirtualMachine> vm) {
        return of(vm, "AADSSHLoginForLinux", "Microsoft.Azure.ActiveDirectory", "AADSSHLoginForLinux", "1.0");
    }

    public VmExtension settings(ObjectNode value) {
        this.settings = value.deepCopy();
        return this;
    }

    @Override
    protected VmExtension self() {
        return this;
    }

    @Override
    public Resource toResource() {
        ObjectNode props = Json.obj("publisher", publisher, "type", extensionType, "typeHandlerVersion", version,
                "autoUpgradeMinorVersion", true);
        props.set("settings", settings);
        return base(true).properties(props).build();
    }
}
