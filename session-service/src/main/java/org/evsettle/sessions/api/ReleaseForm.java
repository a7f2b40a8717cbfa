package org.evsettle.sessions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An operator's release of a held session as it is; the reason is required and kept in the audit trail. */
@Schema(description = "Why the held session may be billed as it is")
public record ReleaseForm(
        @Schema(description = "Why, for the audit trail (up to 1000 characters)",
                example = "Car was full: connected without charging, agreed with the driver")
        @NotBlank @Size(max = 1000) String reason) {
}
