package org.evsettle.sessions.zaptec;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.evsettle.testkit.ZaptecStub;

/** Starts the Zaptec stub once and points the service's Zaptec client at it, with pages of two sessions. */
public class ZaptecStubResource implements QuarkusTestResourceLifecycleManager {

    private static ZaptecStub stub;

    public static synchronized ZaptecStub stub() {
        if (stub == null) {
            stub = new ZaptecStub();
        }
        return stub;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("evsettle.zaptec.base-url", stub().baseUrl().toString(), "evsettle.zaptec.page-size", "2");
    }

    @Override
    public void stop() {
        // the stub lives as long as the test JVM: other test classes share this resource
    }
}
