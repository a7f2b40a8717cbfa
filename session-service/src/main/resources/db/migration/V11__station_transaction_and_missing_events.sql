-- A session of an OCPP 2.0.1 station: the station's own transactionId (the session is still keyed by the
-- gateway's int transactionId, as for 1.6), and the seqNos of its TransactionEvents that never reached the
-- gateway by the time it ended (its samples between them are lost; start and stop, hence the energy, are
-- not). NULL for 1.6 chargers and for a station whose events all arrived.
ALTER TABLE charging_session ADD COLUMN station_transaction_id TEXT;
ALTER TABLE charging_session ADD COLUMN missing_seq_nos INTEGER[];
