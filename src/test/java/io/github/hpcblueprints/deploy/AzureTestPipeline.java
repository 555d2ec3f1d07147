package io.github.hpcblueprints.deploy;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.core.http.policy.BearerTokenAuthenticationPolicy;
import com.azure.core.http.policy.ExponentialBackoff;
import com.azure.core.http.policy.RetryPolicy;
import io.github.hpcblueprints.testing.LoopbackHttpsServer;
import io.netty.handler.ssl.SslContextBuilder;
import java.time.Duration;
import java.time.OffsetDateTime;
import reactor.core.publisher.Mono;

/**
 * The resource manager library's HTTP pipeline pointed at a loopback stub: Netty trusting only the stub's certificate,
 * retries with short backoff, and a bearer token from a fixed credential (no sign-in leaves the machine).
 */
final class AzureTestPipeline {

    private AzureTestPipeline() {
    }

    /** The library's HTTP client, trusting only the stub's certificate. */
    static com.azure.core.http.HttpClient httpClient(LoopbackHttpsServer server) {
        reactor.netty.http.client.HttpClient netty = reactor.netty.http.client.HttpClient.create().secure(spec -> {
            try {
                spec.sslContext(SslContextBuilder.forClient().trustManager(server.trust()).build());
            } catch (javax.net.ssl.SSLException e) {
                throw new IllegalStateException(e);
            }
        });
        return new NettyAsyncHttpClientBuilder(netty).build();
    }

    /** The resource manager of subscription s1, every endpoint at {@code base}, through {@link #of}. */
    static com.azure.resourcemanager.resources.ResourceManager manager(LoopbackHttpsServer server, String base) {
        com.azure.core.management.AzureEnvironment env = new com.azure.core.management.AzureEnvironment(
                java.util.Map.of("resourceManagerEndpointUrl", base, "managementEndpointUrl", base,
                        "activeDirectoryEndpointUrl", base));
        return com.azure.resourcemanager.resources.ResourceManager.authenticate(of(server),
                new com.azure.core.management.profile.AzureProfile("t", "s1", env)).withSubscription("s1");
    }

    static HttpPipeline of(LoopbackHttpsServer server) {
        TokenCredential credential = request -> Mono.just(new AccessToken("test-token", OffsetDateTime.now()
                .plusHours(1)));
        return new HttpPipelineBuilder().httpClient(httpClient(server)).policies(
                new RetryPolicy(new ExponentialBackoff(4, Duration.ofMillis(200), Duration.ofSeconds(2))),
                new BearerTokenAuthenticationPolicy(credential, "https://management.azure.com/.default")).build();
    }
}
