-- Every list of the API pages by keyset: an index in each list's order lets a page start at its cursor.
CREATE INDEX operator_listed ON operator (legal_name, id);

CREATE INDEX site_listed ON site (operator_id, name, id);
DROP INDEX site_operator;

CREATE INDEX charger_listed ON charger (operator_id, charge_point_id, id);
DROP INDEX charger_operator;

CREATE INDEX driver_listed ON driver (operator_id, name, email, id);

-- an operator's cards are listed by idTag through card_id_tag_unique (operator_id, id_tag); a driver's here
CREATE INDEX card_driver_listed ON card (driver_id, id_tag, id);
DROP INDEX card_driver;
