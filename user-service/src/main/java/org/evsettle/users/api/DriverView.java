package org.evsettle.users.api;

import java.util.UUID;
import org.evsettle.events.registry.Address;
import org.evsettle.events.registry.SepaMandate;
import org.evsettle.users.Driver;
import org.evsettle.users.SepaDebitMandate;

/**
 * A driver as the API shows it; accountId is the linked Keycloak user, if any; language the driver's own
 * (null: the operator's); companyRegistrationNumber as stored (digits only in NL and BE); employerId the business
 * customer billed for the driver's charging, if any; payoutIban where reimbursements go (admins and the driver see it).
 */
public record DriverView(UUID id, long revision, UUID operatorId, String name, String email, Address billingAddress,
                         String userType, String companyName, String companyVatNumber, String status,
                         SepaMandate sepaMandate, String accountId, String language,
                         String companyRegistrationNumber, UUID employerId, String payoutIban) {

    static DriverView of(Driver d) {
        return new DriverView(d.id, d.revision, d.operatorId, d.name, d.shownEmail(), d.shownAddress(),
                d.userType, d.companyName, d.companyVatNumber, d.status, SepaDebitMandate.toMandate(d.sepaMandate),
                d.accountId, d.language, d.companyRegistrationNumber, d.employerId, d.payoutIban);
    }
}
