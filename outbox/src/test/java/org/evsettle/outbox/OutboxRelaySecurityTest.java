package org.evsettle.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The relay's own producer logs in as the service's Kafka principal, from the same variables as the
 * service's channels (this module's microprofile-config.properties), and stays plain without them.
 */
class OutboxRelaySecurityTest {

    private static final URL MODULE_CONFIGURATION = url("src/main/resources/META-INF/microprofile-config.properties");
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"session-service\" password=\"secret\";";

    @Test
    void logsInAsTheServicesPrincipalWhenTheDeploymentSaysSo() throws IOException {
        Properties producer = relay().producerConfig(config(Map.of(
                "EVSETTLE_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "EVSETTLE_KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "EVSETTLE_KAFKA_SASL_JAAS_CONFIG", JAAS,
                "EVSETTLE_KAFKA_TRUSTSTORE_TYPE", "PEM",
                "EVSETTLE_KAFKA_TRUSTSTORE_CERTIFICATES", "-----BEGIN CERTIFICATE-----")));

        assertThat(producer).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", JAAS)
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----")
                .containsEntry("enable.idempotence", "true");
    }

    @Test
    void staysPlainWithoutThem() throws IOException {
        Properties producer = relay().producerConfig(config(Map.of()));

        assertThat(producer).containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKeys("sasl.mechanism", "sasl.jaas.config", "ssl.truststore.type",
                        "ssl.truststore.certificates");
    }

    private static URL url(String file) {
        try {
            return Path.of(file).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutboxRelay relay() {
        return new OutboxRelay(null, "session-service", "localhost:9092", 10, Duration.ofSeconds(1));
    }

    /** This module's configuration file, with variables as a deployment's environment sets them. */
    private static SmallRyeConfig config(Map<String, String> environment) throws IOException {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(environment, "environment", 300))
                .withSources(new PropertiesConfigSource(MODULE_CONFIGURATION, 100))
                .build();
    }
}
