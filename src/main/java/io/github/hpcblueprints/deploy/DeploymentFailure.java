package io.github.hpcblueprints.deploy;

/**
 * Azure refused or failed a deployment (exit 3): the message names each failed resource with ARM's error code and
 * message, as the deployment's operations report them.
 */
public final class DeploymentFailure extends RuntimeException {

    public DeploymentFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
