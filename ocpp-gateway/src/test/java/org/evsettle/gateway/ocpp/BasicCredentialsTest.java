package org.evsettle.gateway.ocpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BasicCredentialsTest {

    static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<Arguments> headers() {
        return Stream.of(
                Arguments.of(basic("ZAP-1:secret-password-16"), "ZAP-1", Optional.of("secret-password-16")),
                Arguments.of("basic " + basic("ZAP-1:p:with:colons").substring(6), "ZAP-1", Optional.of("p:with:colons")),
                Arguments.of(basic("ZAP:01:pw"), "ZAP:01", Optional.of("pw")),
                Arguments.of(basic("ZAP-2:secret"), "ZAP-1", Optional.empty()),
                Arguments.of(basic("ZAP-1"), "ZAP-1", Optional.empty()),
                Arguments.of("Bearer abc", "ZAP-1", Optional.empty()),
                Arguments.of("Basic not-base64!", "ZAP-1", Optional.empty()),
                Arguments.of(null, "ZAP-1", Optional.empty()));
    }

    @ParameterizedTest
    @MethodSource("headers")
    void readsThePasswordOnlyWhenTheUserIsTheChargePointId(String header, String chargePointId, Optional<String> password) {
        assertThat(BasicCredentials.passwordOf(header, chargePointId)).isEqualTo(password);
    }
}
