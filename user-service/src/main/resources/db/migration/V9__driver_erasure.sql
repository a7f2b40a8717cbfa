-- An erased driver (status ERASED) keeps no address: the columns become optional, and erased_at says
-- when the personal data went. The e-mail stays NOT NULL and unique: an erased driver holds a placeholder.
ALTER TABLE driver
    ALTER COLUMN street DROP NOT NULL,
    ALTER COLUMN postal_code DROP NOT NULL,
    ALTER COLUMN city DROP NOT NULL,
    ALTER COLUMN country_code DROP NOT NULL,
    ADD COLUMN erased_at TIMESTAMPTZ,
    ADD CONSTRAINT driver_address_unless_erased CHECK (status = 'ERASED' OR street IS NOT NULL);
