package org.evsettle.apigateway.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.UUID;
import org.evsettle.apigateway.security.SignedIn;
import org.junit.jupiter.api.Test;

class PortalPageTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final PortalPage page = new PortalPage(JSON);

    @Test
    void writesTheSignedInUserBeforeTheHeadsEndAsJsonNoValueCanBreakOutOf() throws Exception {
        SignedIn hostile = new SignedIn("x", "</script><script>alert(1)</script> & <!--", "a@example.org",
                List.of("driver"), null, UUID.fromString("2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"), "nl\u2028");

        String html = page.withData("<html><head><title>t</title></head><body></body></html>", hostile);

        String prefix = "<html><head><title>t</title><script type=\"application/json\" id=\"evsettle-signed-in\">";
        assertThat(html).startsWith(prefix).endsWith("</script></head><body></body></html>");
        String data = html.substring(prefix.length(), html.length() - "</script></head><body></body></html>".length());
        assertThat(data).doesNotContain("<", ">", "&", "\u2028");
        assertThat(JSON.readValue(data, SignedIn.class)).isEqualTo(hostile);
    }
}
