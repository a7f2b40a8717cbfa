package org.evsettle.users.api;

/**
 * What the API description says the same way on every endpoint: the ids in paths, with examples, and
 * the scoping rule and paging of lists, so that /q/openapi states each once.
 */
final class ApiText {

    static final String OPERATOR_ID = "The operator's id";
    static final String OPERATOR_EXAMPLE = "8a0c3f6e-1d2b-4c5a-9e8f-7a6b5c4d3e2f";
    static final String SITE_ID = "The site's id";
    static final String SITE_EXAMPLE = "0b7e4c1a-2f3d-4e5b-8a9c-6d7e8f9a0b1c";
    static final String CHARGER_ID = "The charger's id (not its chargePointId)";
    static final String CHARGER_EXAMPLE = "6c2d9e8f-7a1b-4c3d-9e5f-0a1b2c3d4e5f";
    static final String DRIVER_ID = "The driver's id";
    static final String DRIVER_EXAMPLE = "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e";
    static final String CARD_ID = "The card's id (not its idTag)";
    static final String CARD_EXAMPLE = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a";

    /** The scoping rule of everything below an operator. */
    static final String ADMINS = " Platform admins and the operator's own admins; another operator's answers 404.";
    /** How every list pages. */
    static final String PAGED = " Paged by keyset: limit 1 to 500 (default 100), then cursor=<next> until a page has"
            + " no next; no total, no cut-off.";

    private ApiText() {
    }
}
