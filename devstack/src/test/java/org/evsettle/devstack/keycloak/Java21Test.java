package org.evsettle.devstack.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.evsettle.devstack.DevStackException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Java21Test {

    @TempDir
    Path jvms;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"17.0.15, 17", "21.0.2, 21", "25, 25", "1.8.0_392, 8", "26-ea, 26"})
    void readsTheFeatureVersionFromTheReleaseFile(String version, int feature) throws IOException {
        assertThat(Java21.featureVersion(jdk("jdk", version))).isEqualTo(feature);
    }

    @Test
    void picksTheFirstJdkOfVersion21OrNewer() throws IOException {
        Path java17 = jdk("java-17", "17.0.15");
        Path java25 = jdk("temurin-25", "25.0.1");

        assertThat(Java21.firstSuitable(List.of(java17, java25))).isEqualTo(java25);
    }

    @Test
    void refusesClearlyWhenNoJava21IsFound() throws IOException {
        Path java17 = jdk("java-17", "17.0.15");

        assertThatThrownBy(() -> Java21.firstSuitable(List.of(java17, jvms.resolve("missing"))))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining("Keycloak needs Java 21 or newer")
                .hasMessageContaining("KEYCLOAK_JAVA_HOME");
    }

    private Path jdk(String name, String version) throws IOException {
        Path home = Files.createDirectories(jvms.resolve(name));
        Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        java.toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}
