package org.evsettle.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Rendered manifests and the services' own configuration, for tests that check they agree: overlays
 * rendered with {@code kubectl kustomize}, YAML read as JSON trees, application.properties as read by
 * the services.
 */
final class Manifests {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    static final Path OVERLAYS = ROOT.resolve("deploy/k8s/overlays");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** The name of every overlay under deploy/k8s/overlays (a folder with a kustomization.yaml). */
    static List<String> overlays() {
        try (Stream<Path> folders = Files.list(OVERLAYS)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("kustomization.yaml")))
                    .map(folder -> folder.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every document of an overlay, rendered as kubectl would apply it (once per test run; read only). */
    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::renderWithKubectl);
    }

    private static List<JsonNode> renderWithKubectl(String overlay) {
        Path directory = OVERLAYS.resolve(overlay);
        try {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", directory.toString())
                    .redirectErrorStream(true).start();
            byte[] output = kubectl.getInputStream().readAllBytes();
            if (!kubectl.waitFor(60, TimeUnit.SECONDS) || kubectl.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n"
                        + new String(output, StandardCharsets.UTF_8));
            }
            return List.copyOf(documents(new String(output, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException("kubectl is needed to render the Kubernetes overlays: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            for (var values = YAML.readValues(parser, JsonNode.class); values.hasNext(); ) {
                JsonNode document = values.next();
                if (document != null && !document.isEmpty()) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }

    /** A YAML file with its anchors and merge keys resolved (as docker compose reads it). */
    static JsonNode yamlFile(Path file) {
        try (var reader = Files.newBufferedReader(file)) {
            Object loaded = new org.yaml.snakeyaml.Yaml().load(reader);
            return YAML.valueToTree(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<JsonNode> ofKind(List<JsonNode> documents, String kind) {
        return documents.stream().filter(d -> kind.equals(d.path("kind").asText()));
    }

    static Optional<JsonNode> named(List<JsonNode> documents, String kind, String name) {
        return ofKind(documents, kind).filter(d -> name.equals(d.at("/metadata/name").asText())).findFirst();
    }

    /** A service's application.properties, as the service reads it (without profiles). */
    static Properties applicationProperties(String module) {
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(ROOT.resolve(module).resolve("src/main/resources/application.properties"))) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of every configuration source the services read: their own and the shared defaults. */
    static String allServiceConfiguration() {
        StringBuilder all = new StringBuilder();
        for (String file : List.of("service-kit/src/main/resources/META-INF/microprofile-config.properties",
                "outbox/src/main/resources/META-INF/microprofile-config.properties")) {
            all.append(read(ROOT.resolve(file)));
        }
        for (org.evsettle.devstack.platform.Service service : org.evsettle.devstack.platform.Service.backends()) {
            all.append(read(ROOT.resolve(service.module()).resolve("src/main/resources/application.properties")));
        }
        return all.toString();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
