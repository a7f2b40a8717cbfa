-- One database per service, and Keycloak's own (as the devstack has them).
CREATE DATABASE gateway;
CREATE DATABASE users;
CREATE DATABASE sessions;
CREATE DATABASE tariffs;
CREATE DATABASE invoices;
CREATE DATABASE keycloak;
