package org.evsettle.invoices.api;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.evsettle.events.registry.DocumentLanguage;
import org.evsettle.invoices.Operator;
import org.evsettle.kit.api.DomainException;

/**
 * The language of a download made for the person asking (a document's CSV, the journal): the {@code lang}
 * query parameter when given (nl, fr, en or de, else 400), otherwise the reader's own language. Issued
 * PDFs are not chosen here: they are in the language fixed at issue.
 */
final class ReaderLanguage {

    static final String PARAMETER = "lang";
    static final String DESCRIPTION = "The language of the download's texts: nl, fr, en or de; left out, an admin's"
            + " is the operator's and a driver's their own";

    private ReaderLanguage() {
    }

    /** The asked language, or empty when none is asked; 400 for a code the platform does not write. */
    static Optional<DocumentLanguage> asked(String lang) {
        if (lang == null || lang.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(DocumentLanguage.of(lang).orElseThrow(() -> DomainException.invalid(PARAMETER,
                "must be one of " + Arrays.stream(DocumentLanguage.values()).map(DocumentLanguage::code)
                        .collect(Collectors.joining(", ")))));
    }

    /** The asked language, else the operator's (its choice, else its country's). */
    static DocumentLanguage ofOperator(String lang, UUID operatorId) {
        return asked(lang).orElseGet(() -> Operator.known(operatorId).map(Operator::documentLanguage)
                .orElse(DocumentLanguage.EN));
    }
}
