package org.evsettle.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.evsettle.testkit.ProjectRoot;

/**
 * The portal in a real browser: runs one step of {@code src/test/browser/portal-steps.mjs}
 * (playwright-core driving Debian's Chromium) against the running platform, and answers what the step
 * found out. Screenshots of each page land in {@code target/portal-screenshots}, the step's output in
 * {@code target/portal-steps}.
 */
final class PortalBrowser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODULE = ProjectRoot.find().resolve("system-tests");
    private static final String RESULT = "RESULT ";

    private final String gateway;

    PortalBrowser(String gateway) {
        this.gateway = gateway;
    }

    /** Runs the step signed in as username; fails the test with the step's own account of what broke. */
    JsonNode run(String step, String username, String password, Map<String, Object> input) {
        Map<String, Object> all = new LinkedHashMap<>(input);
        all.put("gateway", gateway);
        all.put("username", username);
        all.put("password", password);
        all.put("screenshots", MODULE.resolve("target/portal-screenshots").toString());
        all.put("downloads", MODULE.resolve("target/portal-downloads").toString());
        Path log = MODULE.resolve("target/portal-steps").resolve(step + ".log");
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder command = new ProcessBuilder(List.of("node", "portal-steps.mjs", step))
                    .directory(MODULE.resolve("src/test/browser").toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            command.environment().put("EVSETTLE_STEP_INPUT", JSON.writeValueAsString(all));
            Process process = command.start();
            if (!process.waitFor(4, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("Browser step " + step + " did not finish in 4 minutes; see " + log);
            }
            List<String> output = Files.readAllLines(log);
            if (process.exitValue() != 0) {
                throw new AssertionError("Browser step " + step + " failed (screenshot failed-" + step + ".png):\n"
                        + String.join("\n", output));
            }
            return output.stream().filter(line -> line.startsWith(RESULT)).reduce((first, last) -> last)
                    .map(line -> read(line.substring(RESULT.length())))
                    .orElseThrow(() -> new AssertionError("Browser step " + step + " answered nothing:\n" + output));
        } catch (IOException e) {
            throw new AssertionError("Browser step " + step + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted", e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("Unreadable step result " + json, e);
        }
    }
}
