package io.github.hpcblueprints.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.github.hpcblueprints.json.JsonTrees;
import io.github.hpcblueprints.testing.LoopbackHttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of ARM's REST protocol a deployment uses, answered the way ARM documents them: PUT of a resource group;
 * validate; what-if (202 with Location, then the result); a deployment PUT (201 with Azure-AsyncOperation, polled
 * until it ends, then the deployment); the deployment's operations. Faults are queued per request kind: a status
 * (429 with Retry-After, 500, 503) or a dropped connection. Every request is recorded, with its time and body.
 */
final class ArmStub {

    /** One request as received. */
    record Request(String method, String path, long atMillis, String authorization, String body, String query) {
    }

    private final LoopbackHttpsServer server;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Deque<Integer>> faults = new HashMap<>();
    /** What each deployment does: its async statuses in turn, then its operations and outputs. */
    private final Map<String, Deque<String>> statuses = new HashMap<>();
    private final Map<String, JsonNode> operations = new HashMap<>();
    private final Map<String, JsonNode> outputs = new HashMap<>();
    /** What each (finished) deployment created: [{"id": ...}]. */
    final Map<String, JsonNode> outputResources = new HashMap<>();
    JsonNode whatIfChanges = JsonTrees.parse("[]");
    /** The resource group's resources, as ARM lists them (id, name, type, tags). */
    JsonNode groupResources = JsonTrees.parse("[]");
    /** The deployment stacks that exist, by name. */
    final java.util.Set<String> stacks = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
    /** Every DELETE, by path. */
    final List<String> deleted = Collections.synchronizedList(new ArrayList<>());

    /** The deployments a PUT created, by name (a GET of any other is a 404, unless it has outputResources). */
    final java.util.Set<String> created = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
    /** The resource groups that exist (created by a PUT), by lower-case path. */
    final java.util.Set<String> groups = java.util.Collections.synchronizedSet(new java.util.HashSet<>());
    /** The serial console log the boot diagnostics blob holds at each read, in turn (the last one stays). */
    final Deque<String> serialLogs = new java.util.concurrent.ConcurrentLinkedDeque<>();

    static final int DROP = -1;
    private static final Pattern DEPLOYMENT = Pattern.compile(
            "^/subscriptions/[^/]+(?:/resourcegroups/[^/]+)?(?:/providers/Microsoft\\.Resources)?/deployments/([^/]+)(/.*)?$",
            Pattern.CASE_INSENSITIVE);

    ArmStub(LoopbackHttpsServer server) {
        this.server = server;
        server.route("/subscriptions/", this::arm);
        server.route("/stub/", this::arm);
        server.route("/tenant-1/", this::token);
    }

    /** Tokens issued by the stub's Entra ID token endpoint (client credentials), by the client id that asked. */
    final List<String> tokenRequests = Collections.synchronizedList(new ArrayList<>());

    /** Microsoft identity platform's token endpoint: {@code POST /{tenant}/oauth2/v2.0/token}, client credentials. */
    private void token(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(ex.getRequestMethod() + " " + ex.getRequestURI().getPath() + " " + body);
        if (!ex.getRequestURI().getPath().endsWith("/oauth2/v2.0/token")) {
            send(ex, 404, "{\"error\": \"not_found\"}");
            return;
        }
        send(ex, 200, "{\"token_type\": \"Bearer\", \"expires_in\": 3599, \"ext_expires_in\": 3599, "
                + "\"access_token\": \"token-from-the-stub\"}");
    }

    String base() {
        return server.uri("/").toString();
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The next requests of {@code kind} ("PUT deployment", "GET async", "POST whatIf" ...) get these faults first. */
    ArmStub fault(String kind, int... statusOrDrop) {
        Deque<Integer> q = faults.computeIfAbsent(kind, k -> new ArrayDeque<>());
        for (int s : statusOrDrop) {
            q.add(s);
        }
        return this;
    }

    /** How deployment {@code name} goes: async statuses in order ("Running", "Succeeded" / "Failed"). */
    ArmStub deployment(String name, JsonNode operationList, JsonNode deploymentOutputs, String... asyncStatuses) {
        statuses.put(name, new ArrayDeque<>(List.of(asyncStatuses)));
        operations.put(name, operationList);
        outputs.put(name, deploymentOutputs);
        return this;
    }

    private void arm(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Request(method, path, System.currentTimeMillis(), ex.getRequestHeaders()
                .getFirst("Authorization"), body, String.valueOf(ex.getRequestURI().getQuery())));
        Matcher d = DEPLOYMENT.matcher(path);
        String kind;
        if (path.startsWith("/stub/async/")) {
            kind = "GET async";
        } else if (path.startsWith("/stub/deleting/")) {
            kind = "GET deleting";
        } else if (method.equals("GET") && path.endsWith("/resources")) {
            kind = "GET resources";
        } else if (method.equals("DELETE") && path.matches("(?i)^/subscriptions/[^/]+/resourcegroups/[^/]+$")) {
            kind = "DELETE resourceGroup";
        } else if (method.equals("DELETE") && d.matches()) {
            kind = "DELETE deployment";
        } else if (method.equals("DELETE")) {
            kind = "DELETE resource";
        } else if (path.startsWith("/stub/blob/")) {
            kind = "GET blob";
        } else if (path.endsWith("/retrieveBootDiagnosticsData")) {
            kind = "POST retrieveBootDiagnosticsData";
        } else if (path.startsWith("/stub/whatif/")) {
            kind = "GET whatIf";
        } else if (path.contains("/providers/Microsoft.Resources/deploymentStacks/")) {
            kind = method + " stack";
        } else if (d.matches()) {
            String tail = d.group(2) == null ? "" : d.group(2);
            kind = method + (tail.isEmpty() ? " deployment" : " " + tail.substring(1));
        } else {
            kind = method + " resourceGroup";
        }
        Deque<Integer> q = faults.get(kind);
        Integer fault = q == null ? null : q.poll();
        if (fault != null && fault == DROP) {
            ex.close(); // no response at all: the connection drops mid-request
            return;
        }
        if (fault != null) {
            ex.getResponseHeaders().add("Retry-After", "1");
            send(ex, fault, "{\"error\": {\"code\": \"" + (fault == 429 ? "TooManyRequests" : "ServiceUnavailable")
                    + "\", \"message\": \"try again later\"}}");
            return;
        }
        switch (kind) {
            case "HEAD deployment" -> {
                ex.sendResponseHeaders(created.contains(d.group(1)) ? 204 : 404, -1);
                ex.close();
            }
            case "HEAD resourceGroup" -> {
                ex.sendResponseHeaders(groups.contains(path.toLowerCase(java.util.Locale.ROOT)) ? 204 : 404, -1);
                ex.close();
            }
            case "POST retrieveBootDiagnosticsData" -> send(ex, 200, "{\"consoleScreenshotBlobUri\": \"" + base()
                    + "stub/blob/screenshot.bmp?sig=sas-signature\", \"serialConsoleLogBlobUri\": \"" + base()
                    + "stub/blob/serial.log?sv=2021-08-06&sig=sas-signature\"}");
            case "GET blob" -> {
                String log = serialLogs.size() > 1 ? serialLogs.poll() : serialLogs.peek();
                if (log == null) {
                    send(ex, 404, "<?xml version=\"1.0\"?><Error><Code>BlobNotFound</Code></Error>");
                    return;
                }
                send(ex, 200, log);
            }
            case "PUT resourceGroup" -> {
                groups.add(path.toLowerCase(java.util.Locale.ROOT));
                send(ex, 201, "{\"id\": \"" + path + "\", \"name\": \"" + path.substring(path.lastIndexOf('/')
                        + 1) + "\", \"location\": \"uksouth\", \"properties\": {\"provisioningState\": "
                        + "\"Succeeded\"}}");
            }
            case "PUT stack" -> {
                String name = path.substring(path.lastIndexOf('/') + 1);
                stacks.add(name);
                ex.getResponseHeaders().add("Azure-AsyncOperation", base() + "stub/async/" + name);
                ex.getResponseHeaders().add("Retry-After", "0");
                send(ex, 201, stackBody(path, name, "Deploying", null));
            }
            case "GET stack" -> {
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (!stacks.contains(name)) {
                    send(ex, 404, "{\"error\": {\"code\": \"DeploymentStackNotFound\", \"message\": \"not found\"}}");
                    return;
                }
                Deque<String> left = statuses.getOrDefault(name, new ArrayDeque<>(List.of("Succeeded")));
                send(ex, 200, stackBody(path, name, left.peekLast(), outputs.get(name)));
            }
            case "GET resources" -> {
                ObjectNode r = JsonTrees.object();
                r.set("value", groupResources);
                send(ex, 200, r.toString());
            }
            case "DELETE resourceGroup" -> {
                deleted.add(path);
                ex.getResponseHeaders().add("Location", base() + "stub/deleting/group");
                ex.getResponseHeaders().add("Retry-After", "0");
                send(ex, 202, "");
            }
            case "GET deleting" -> send(ex, 200, "");
            case "DELETE deployment" -> {
                deleted.add(path);
                created.remove(d.group(1));
                outputResources.remove(d.group(1));
                send(ex, 204, "");
            }
            case "DELETE resource" -> {
                deleted.add(path);
                send(ex, 200, "");
            }
            case "POST validate" -> send(ex, 200, deploymentBody(path, d.group(1), "Succeeded", null));
            case "POST whatIf" -> {
                ex.getResponseHeaders().add("Location", base() + "stub/whatif/" + d.group(1));
                ex.getResponseHeaders().add("Retry-After", "0");
                send(ex, 202, "");
            }
            case "GET whatIf" -> {
                ObjectNode r = JsonTrees.object();
                r.put("status", "Succeeded");
                r.putObject("properties").set("changes", whatIfChanges);
                send(ex, 200, r.toString());
            }
            case "PUT deployment" -> {
                created.add(d.group(1));
                ex.getResponseHeaders().add("Azure-AsyncOperation", base() + "stub/async/" + d.group(1));
                ex.getResponseHeaders().add("Retry-After", "0");
                send(ex, 201, deploymentBody(path, d.group(1), "Accepted", null));
            }
            case "GET async" -> {
                String name = path.substring("/stub/async/".length());
                Deque<String> left = statuses.getOrDefault(name, new ArrayDeque<>(List.of("Succeeded")));
                String status = left.size() > 1 ? left.poll() : left.peek();
                String error = status.equals("Failed") ? ", \"error\": {\"code\": \"DeploymentFailed\", \"message\": "
                        + "\"At least one resource deployment operation failed.\"}" : "";
                send(ex, 200, "{\"status\": \"" + status + "\"" + error + "}");
            }
            case "GET deployment" -> {
                if (!created.contains(d.group(1)) && !outputResources.containsKey(d.group(1))) {
                    send(ex, 404, "{\"error\": {\"code\": \"DeploymentNotFound\", \"message\": \"Deployment '"
                            + d.group(1) + "' could not be found.\"}}");
                    return;
                }
                Deque<String> left = statuses.getOrDefault(d.group(1), new ArrayDeque<>(List.of("Succeeded")));
                ObjectNode r = (ObjectNode) JsonTrees.parse(deploymentBody(path, d.group(1), left.peekLast(),
                        outputs.get(d.group(1))));
                if (outputResources.containsKey(d.group(1))) {
                    ((ObjectNode) r.get("properties")).set("outputResources", outputResources.get(d.group(1)));
                }
                send(ex, 200, r.toString());
            }
            case "GET operations" -> {
                ObjectNode r = JsonTrees.object();
                r.set("value", operations.getOrDefault(d.group(1), JsonTrees.array()));
                send(ex, 200, r.toString());
            }
            default -> send(ex, 404, "{\"error\": {\"code\": \"NotFound\", \"message\": \"" + kind + "\"}}");
        }
    }

    private static String stackBody(String path, String name, String state, JsonNode outputs) {
        ObjectNode r = JsonTrees.object();
        r.put("id", path);
        r.put("name", name);
        r.put("type", "Microsoft.Resources/deploymentStacks");
        ObjectNode p = r.putObject("properties");
        p.put("provisioningState", state);
        p.putObject("denySettings").put("mode", "denyDelete");
        p.putObject("actionOnUnmanage").put("resources", "detach");
        if (outputs != null) {
            p.set("outputs", outputs);
        }
        return r.toString();
    }

    private static String deploymentBody(String path, String name, String state, JsonNode outputs) {
        ObjectNode r = JsonTrees.object();
        r.put("id", path.replaceAll("/(validate|whatIf)$", ""));
        r.put("name", name);
        ObjectNode p = r.putObject("properties");
        p.put("provisioningState", state);
        p.put("mode", "Incremental");
        if (outputs != null) {
            p.set("outputs", outputs);
        }
        return r.toString();
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b);
            }
        }
        ex.close();
    }

    /** An operation of the list ARM returns. */
    static String operation(String id, String state, String type, String name, String errorCode, String message) {
        return "{\"id\": \"op/" + id + "\", \"operationId\": \"" + id + "\", \"properties\": {\"provisioningState\": \""
                + state + "\", \"targetResource\": {\"id\": \"/x/" + name + "\", \"resourceType\": \"" + type
                + "\", \"resourceName\": \"" + name + "\"}" + (errorCode == null ? "" : ", \"statusMessage\": "
                + "{\"status\": \"Failed\", \"error\": {\"code\": \"" + errorCode + "\", \"message\": \"" + message
                + "\"}}") + "}}";
    }
}
