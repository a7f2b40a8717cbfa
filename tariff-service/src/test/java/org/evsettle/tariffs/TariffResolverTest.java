package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.tariffs.TariffResolver.Resolution;
import org.junit.jupiter.api.Test;

/** Which tariff prices a session: user type, version in force, most recent. */
class TariffResolverTest {

    private static final UUID OPERATOR = UUID.randomUUID();
    private static final Instant JAN_1 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FEB_1 = Instant.parse("2026-02-01T00:00:00Z");
    private static final Instant MAR_1 = Instant.parse("2026-03-01T00:00:00Z");
    private static final Instant SESSION_IN_FEBRUARY = Instant.parse("2026-02-14T18:30:00Z");

    @Test
    void prefersATariffNamingTheUserTypeOverANewerOneForAll() {
        Tariff residents = tariff("Residents", List.of("RESIDENT"), JAN_1, JAN_1);
        Tariff everyone = tariff("Everyone", List.of(), FEB_1, JAN_1);

        assertThat(chosen(List.of(residents, everyone), "RESIDENT")).contains(residents);
        assertThat(chosen(List.of(residents, everyone), "GUEST")).contains(everyone);
    }

    @Test
    void prefersTheMostRecentlyCreatedAmongEquals() {
        Tariff older = tariff("Old", List.of(), JAN_1, JAN_1);
        Tariff newer = tariff("New", List.of(), FEB_1, JAN_1);

        assertThat(chosen(List.of(older, newer), "RESIDENT")).contains(newer);
        assertThat(chosen(List.of(newer, older), "RESIDENT")).contains(newer);
    }

    @Test
    void skipsATariffWithoutAVersionInForceAtTheStart() {
        Tariff residentsFromMarch = tariff("Residents", List.of("RESIDENT"), JAN_1, MAR_1);
        Tariff everyone = tariff("Everyone", List.of(), JAN_1, JAN_1);

        assertThat(chosen(List.of(residentsFromMarch, everyone), "RESIDENT")).contains(everyone);
    }

    @Test
    void choosesTheVersionInForceAtTheStart() {
        Tariff tariff = tariff("Everyone", List.of(), JAN_1, JAN_1);
        tariff.addVersion(MAR_1, new BigDecimal("0.21"), List.of(energyAt("0.40")));

        Optional<Resolution> february = TariffResolver.choose(List.of(tariff), "RESIDENT", SESSION_IN_FEBRUARY);
        Optional<Resolution> march = TariffResolver.choose(List.of(tariff), "RESIDENT", MAR_1);

        assertThat(february).map(r -> r.version().version).contains(1);
        assertThat(march).map(r -> r.version().version).contains(2);
    }

    @Test
    void findsNothingForAUserTypeNoTariffNames() {
        Tariff employees = tariff("Employees", List.of("EMPLOYEE"), JAN_1, JAN_1);

        assertThat(chosen(List.of(employees), "GUEST")).isEmpty();
        assertThat(chosen(List.of(employees), null)).isEmpty();
        assertThat(chosen(List.of(), "GUEST")).isEmpty();
    }

    @Test
    void pricesASessionWithoutUserTypeOnlyWithATariffForAll() {
        Tariff employees = tariff("Employees", List.of("EMPLOYEE"), FEB_1, JAN_1);
        Tariff everyone = tariff("Everyone", List.of(), JAN_1, JAN_1);

        assertThat(chosen(List.of(employees, everyone), null)).contains(everyone);
    }

    private static Optional<Tariff> chosen(List<Tariff> tariffs, String userType) {
        return TariffResolver.choose(tariffs, userType, SESSION_IN_FEBRUARY).map(Resolution::tariff);
    }

    private static Tariff tariff(String name, List<String> userTypes, Instant createdAt, Instant effectiveFrom) {
        Tariff tariff = Tariff.create(OPERATOR, name, userTypes, Tariff.EUR);
        tariff.createdAt = createdAt;
        tariff.addVersion(effectiveFrom, new BigDecimal("0.21"), List.of(energyAt("0.35")));
        return tariff;
    }

    private static TariffComponent energyAt(String unitPrice) {
        return new TariffComponent(ComponentType.ENERGY, new BigDecimal(unitPrice));
    }
}
