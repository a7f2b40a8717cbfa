package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotBlank;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The operator's SEPA creditor identifier, as its bank assigned it (NL57ZZZ999999999999). */
public record CollectionSettingsForm(
        @NotBlank
        @Schema(description = "A SEPA creditor identifier; spaces and case do not matter", example = "NL57ZZZ999999999999")
        String creditorId) {
}
