-- OCPP 2.0.1 RequestStartTransaction carries a remoteStartId the CSMS chooses, which the station repeats in
-- the TransactionEvent it starts: unique across replicas and restarts, within a signed 32-bit integer.
CREATE SEQUENCE remote_start_id AS INTEGER CYCLE;
