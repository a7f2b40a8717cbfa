package org.evsettle.invoices.api;

import jakarta.validation.constraints.NotBlank;

/** The operator's SEPA creditor identifier, as its bank assigned it (NL57ZZZ999999999999). */
public record CollectionSettingsForm(@NotBlank String creditorId) {
}
