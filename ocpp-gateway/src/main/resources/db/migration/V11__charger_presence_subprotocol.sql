-- The OCPP version (WebSocket subprotocol) the charger's connection speaks, chosen at the handshake.
ALTER TABLE charger_presence ADD COLUMN subprotocol TEXT;
