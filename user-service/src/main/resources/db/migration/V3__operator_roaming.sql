-- Roaming between operators needs both sides: the operators at whose chargers an operator's cards are
-- also valid (its choice), and the operators whose cards an operator's chargers accept (its choice).
-- A card of B is valid at a charger of A only when A is in B's cards_valid_at and B in A's accepts_cards_of.
CREATE TABLE operator_cards_valid_at (
    operator_id         UUID NOT NULL REFERENCES operator (id),
    partner_operator_id UUID NOT NULL REFERENCES operator (id),
    PRIMARY KEY (operator_id, partner_operator_id),
    CONSTRAINT operator_cards_valid_at_another_operator CHECK (partner_operator_id <> operator_id)
);

CREATE TABLE operator_accepts_cards_of (
    operator_id         UUID NOT NULL REFERENCES operator (id),
    partner_operator_id UUID NOT NULL REFERENCES operator (id),
    PRIMARY KEY (operator_id, partner_operator_id),
    CONSTRAINT operator_accepts_cards_of_another_operator CHECK (partner_operator_id <> operator_id)
);
