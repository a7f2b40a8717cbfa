-- The registry copies take the names every service gives them (Operator, Site, Driver, Card), kept by the
-- kit's registry projection. Each keeps only what this service reads: an operator's name, zone and currency
-- (the report), a site's name, a driver's operator (list scope), user type (a session's snapshot) and name,
-- a card's label. A dropped field comes back by replaying the compacted topic, should it be needed.
ALTER TABLE registered_operator RENAME TO operator;
ALTER INDEX registered_operator_pkey RENAME TO operator_pkey;

ALTER TABLE registered_site RENAME TO site;
ALTER INDEX registered_site_pkey RENAME TO site_pkey;
ALTER TABLE site DROP COLUMN operator_id;

ALTER TABLE registered_driver RENAME TO driver;
ALTER INDEX registered_driver_pkey RENAME TO driver_pkey;

ALTER TABLE registered_card RENAME TO card;
ALTER INDEX registered_card_pkey RENAME TO card_pkey;
ALTER TABLE card DROP COLUMN operator_id, DROP COLUMN driver_id, DROP COLUMN id_tag;
