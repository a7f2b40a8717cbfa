package org.evsettle.sessions.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An operator's release of a held session as it is; the reason is required and kept in the audit trail. */
public record ReleaseForm(@NotBlank @Size(max = 1000) String reason) {
}
