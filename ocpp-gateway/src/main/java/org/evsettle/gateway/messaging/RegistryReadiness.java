package org.evsettle.gateway.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.evsettle.gateway.RegistryProjection;

/** Not ready until the registry projection caught up: until then chargers cannot be admitted. */
@Readiness
@ApplicationScoped
public class RegistryReadiness implements HealthCheck {

    private final RegistryProjection projection;

    public RegistryReadiness(RegistryProjection projection) {
        this.projection = projection;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("registry-projection").status(projection.isReady()).build();
    }
}
