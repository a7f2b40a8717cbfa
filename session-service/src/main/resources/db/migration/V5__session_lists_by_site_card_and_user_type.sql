-- A list filtered to a site, a card or a user type reads an index in list order (listed_at, id, newest
-- first) from the filter's value on, so a page costs the same however many sessions the operator has.
-- A site and a card belong to one operator: their own column leads. User types are named alike by every
-- operator, so the operator leads there, and the type is compared in any case (lower, as the list asks).
CREATE INDEX charging_session_site_listed ON charging_session (site_id, listed_at DESC, id DESC);
CREATE INDEX charging_session_card_listed ON charging_session (card_id, listed_at DESC, id DESC);
CREATE INDEX charging_session_user_type_listed
    ON charging_session (operator_id, lower(user_type), listed_at DESC, id DESC);
