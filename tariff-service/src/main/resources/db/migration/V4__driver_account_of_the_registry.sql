-- A driver's token is that driver only while the registry links the driver to the token's account
-- (service-kit's Caller): the copy keeps the account the DriverRecord names.
ALTER TABLE driver ADD COLUMN account_id TEXT;
