package org.evsettle.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.evsettle.tariffs.TariffResolver.Place;
import org.evsettle.tariffs.TariffResolver.Resolution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which tariff prices a session: place (charger, site, operator), user type, version in force, most recent. */
class TariffResolverTest {

    private static final UUID OPERATOR = UUID.randomUUID();
    private static final UUID SITE = UUID.randomUUID();
    private static final UUID OTHER_SITE = UUID.randomUUID();
    private static final UUID CHARGER = UUID.randomUUID();
    private static final UUID OTHER_CHARGER = UUID.randomUUID();
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
        tariff.addVersion(MAR_1, new BigDecimal("0.21"), Components.AMSTERDAM, List.of(Components.energy("0.40")));
        Place place = new Place(OPERATOR, SITE, CHARGER, "RESIDENT");

        Optional<Resolution> february = TariffResolver.choose(List.of(tariff), place, SESSION_IN_FEBRUARY);
        Optional<Resolution> march = TariffResolver.choose(List.of(tariff), place, MAR_1);
        Optional<Resolution> december = TariffResolver.choose(List.of(tariff), place, JAN_1.minusSeconds(1));

        assertThat(february).map(r -> r.version().version).contains(1);
        assertThat(march).map(r -> r.version().version).contains(2);
        assertThat(december).isEmpty();
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

    /** Tariffs at three places and for two kinds of user types; who charges where gets which. */
    @ParameterizedTest(name = "{0} at site {1}, charger {2} -> {3}")
    @CsvSource(textBlock = """
            # user type, at site,    at charger,    chosen
              RESIDENT,  SITE,       CHARGER,       'charger, all types'
              GUEST,     SITE,       CHARGER,       'charger, all types'
              RESIDENT,  SITE,       OTHER_CHARGER, 'site, residents'
              GUEST,     SITE,       OTHER_CHARGER, 'site, all types'
              RESIDENT,  OTHER_SITE, OTHER_CHARGER, 'operator, residents'
              GUEST,     OTHER_SITE, OTHER_CHARGER, 'operator, all types'
            """)
    void prefersTheChargersTariffThenTheSitesThenTheOperatorsAndThenTheNamedUserType(String userType, String site,
                                                                                     String charger, String chosen) {
        List<Tariff> tariffs = List.of(
                placed("operator, all types", List.of(), null, null),
                placed("operator, residents", List.of("RESIDENT"), null, null),
                placed("site, all types", List.of(), SITE, null),
                placed("site, residents", List.of("RESIDENT"), SITE, null),
                placed("charger, all types", List.of(), null, CHARGER));
        Place place = new Place(OPERATOR, "SITE".equals(site) ? SITE : OTHER_SITE,
                "CHARGER".equals(charger) ? CHARGER : OTHER_CHARGER, userType);

        assertThat(TariffResolver.choose(tariffs, place, SESSION_IN_FEBRUARY).map(r -> r.tariff().name))
                .contains(chosen);
    }

    @Test
    void leavesASessionAtAnotherSiteToTheOperatorsTariffOrNone() {
        Tariff siteOnly = placed("site", List.of(), SITE, null);
        Tariff chargerOnly = placed("charger", List.of(), null, CHARGER);

        assertThat(TariffResolver.choose(List.of(siteOnly, chargerOnly),
                new Place(OPERATOR, OTHER_SITE, OTHER_CHARGER, "GUEST"), SESSION_IN_FEBRUARY)).isEmpty();
        assertThat(TariffResolver.choose(List.of(siteOnly, chargerOnly),
                new Place(OPERATOR, null, null, "GUEST"), SESSION_IN_FEBRUARY)).isEmpty();
    }

    private static Optional<Tariff> chosen(List<Tariff> tariffs, String userType) {
        return TariffResolver.choose(tariffs, new Place(OPERATOR, SITE, CHARGER, userType), SESSION_IN_FEBRUARY)
                .map(Resolution::tariff);
    }

    private static Tariff tariff(String name, List<String> userTypes, Instant createdAt, Instant effectiveFrom) {
        Tariff tariff = Tariff.create(OPERATOR, name, userTypes, Tariff.EUR);
        tariff.createdAt = createdAt;
        tariff.addVersion(effectiveFrom, new BigDecimal("0.21"), Components.AMSTERDAM, List.of(Components.energy("0.35")));
        return tariff;
    }

    private static Tariff placed(String name, List<String> userTypes, UUID siteId, UUID chargerId) {
        Tariff tariff = Tariff.create(OPERATOR, siteId, chargerId, name, userTypes, Tariff.EUR);
        tariff.createdAt = JAN_1;
        tariff.addVersion(JAN_1, new BigDecimal("0.21"), Components.AMSTERDAM, List.of(Components.energy("0.35")));
        return tariff;
    }
}
