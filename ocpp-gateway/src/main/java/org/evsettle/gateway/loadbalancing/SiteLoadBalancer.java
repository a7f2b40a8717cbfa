package org.evsettle.gateway.loadbalancing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.evsettle.events.ocpp.ChargerCommandAnswered;
import org.evsettle.events.registry.ChargerRecord;
import org.evsettle.events.registry.LoadLimit;
import org.evsettle.events.registry.SiteRecord;
import org.evsettle.gateway.ChargerCommands;
import org.evsettle.gateway.ChargerPresence;
import org.evsettle.gateway.ConnectionSnapshot;
import org.evsettle.gateway.RegistryProjection;
import org.evsettle.gateway.configuration.ChargerProfile;
import org.evsettle.gateway.configuration.ChargerProfiles;
import org.evsettle.gateway.ocpp.OcppJson;
import org.evsettle.gateway.ocpp.v16.Ocpp16Command;

/**
 * Shares a site's load limit (the registry's {@link LoadLimit}, as a VvE garage's 32 A feeder) among the sessions
 * charging at its chargers, by the rule of {@link LoadShare}: each session gets a TxProfile (SetChargingProfile with
 * its transactionId) of its share, sent again when a session starts or stops or the limit changes. Shares that go
 * down are sent and answered before shares that go up, so the profiles in force never add up to more than the
 * limit. Chargers whose configuration profile balances itself (Zaptec Cloud) get none and take no share. One replica
 * at a time shares a site out (SiteLoads' lock); sharing runs on a worker, never in the way of a charger's answer.
 */
@ApplicationScoped
public class SiteLoadBalancer {

    /** The chargingProfileId of the gateway's TxProfile on a connector: the same id replaces the one before. */
    static final int PROFILE_ID_BASE = 7_700;
    static final String REQUESTED_BY = "site-load-balancer";
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(30);

    private final RegistryProjection registry;
    private final SiteLoads loads;
    private final ChargerCommands commands;
    private final ChargerPresence presence;
    private final ChargerProfiles profiles;
    private final Clock clock;

    public SiteLoadBalancer(RegistryProjection registry, SiteLoads loads, ChargerCommands commands,
                            ChargerPresence presence, ChargerProfiles profiles, Clock clock) {
        this.registry = registry;
        this.loads = loads;
        this.commands = commands;
        this.presence = presence;
        this.profiles = profiles;
        this.clock = clock;
    }

    void listen(@Observes StartupEvent started) {
        registry.onSiteChange(site -> {
            if (registry.isReady()) {
                share(site.id());
            }
        });
    }

    /** A transaction started or stopped at this charger: its site is shared out again, if it has a limit. */
    public void transactionChanged(String chargePointId) {
        registry.charger(chargePointId).map(ChargerRecord::siteId).flatMap(registry::site)
                .filter(site -> site.loadLimit() != null)
                .ifPresent(site -> share(site.id()));
    }

    /** Shares the site out again, on a worker. */
    public void share(UUID siteId) {
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                loads.locked(siteId, () -> shareNow(siteId));
            } catch (RuntimeException e) {
                Log.warnf("Sharing the load of site %s failed: %s", siteId, e.toString());
            }
        });
    }

    /** The site's limit, its self-balancing chargers and what each session was sent. */
    public record SiteLoad(UUID siteId, LoadLimit limit, BigDecimal allocated, List<SiteLoads.Allocation> sessions,
                           List<String> balancingThemselves) {
    }

    public SiteLoad load(SiteRecord site) {
        List<SiteLoads.Allocation> sessions = loads.allocations(site.id());
        BigDecimal allocated = sessions.stream().map(SiteLoads.Allocation::limit).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> themselves = registry.chargersAt(site.id()).stream().map(ChargerRecord::chargePointId)
                .filter(this::balancesItself).sorted().toList();
        return new SiteLoad(site.id(), site.loadLimit(), allocated, sessions, themselves);
    }

    private void shareNow(UUID siteId) {
        Optional<SiteRecord> site = registry.site(siteId);
        Map<String, ChargerRecord> chargers = registry.chargersAt(siteId).stream()
                .filter(charger -> !balancesItself(charger.chargePointId()))
                .collect(Collectors.toMap(ChargerRecord::chargePointId, Function.identity()));
        List<SiteLoads.Charging> charging = loads.chargingAt(chargers.keySet(), clock.instant());
        Map<String, SiteLoads.Allocation> before = loads.allocations(siteId).stream()
                .collect(Collectors.toMap(SiteLoadBalancer::connectorOf, Function.identity()));
        before.values().stream()
                .filter(sent -> charging.stream().noneMatch(c -> sameSession(c, sent)) || site.isEmpty()
                        || site.get().loadLimit() == null)
                .forEach(sent -> loads.ended(siteId, sent));
        if (site.isEmpty() || site.get().loadLimit() == null) {
            return;
        }
        LoadLimit limit = site.get().loadLimit();
        Map<SiteLoads.Charging, BigDecimal> shares = LoadShare.of(limit, charging);
        List<SiteLoads.Charging> down = new ArrayList<>();
        List<SiteLoads.Charging> up = new ArrayList<>();
        shares.forEach((session, share) -> {
            SiteLoads.Allocation sent = before.get(session.chargePointId() + "#" + session.connectorId());
            boolean known = sent != null && sameSession(session, sent) && limit.unit().equals(sent.unit());
            if (known && sent.limit().compareTo(share) == 0 && "Accepted".equals(sent.outcome())) {
                return;
            }
            (known && share.compareTo(sent.limit()) < 0 ? down : up).add(session);
        });
        send(siteId, limit, down, shares, chargers);
        send(siteId, limit, up, shares, chargers);
    }

    private void send(UUID siteId, LoadLimit limit, List<SiteLoads.Charging> sessions,
                      Map<SiteLoads.Charging, BigDecimal> shares, Map<String, ChargerRecord> chargers) {
        if (sessions.isEmpty()) {
            return;
        }
        List<Uni<ChargerCommandAnswered>> answers = sessions.stream().map(session -> commands.request(commands.command(
                session.chargePointId(), chargers.get(session.chargePointId()).operatorId(),
                Ocpp16Command.SetChargingProfile, txProfile(session, limit, shares.get(session)), REQUESTED_BY,
                Optional.of(ANSWER_WAIT)))).toList();
        List<ChargerCommandAnswered> answered = Uni.join().all(answers).andCollectFailures()
                .await().atMost(ANSWER_WAIT.plusSeconds(5));
        for (int i = 0; i < sessions.size(); i++) {
            SiteLoads.Charging session = sessions.get(i);
            ChargerCommandAnswered answer = answered.get(i);
            String outcome = "ANSWERED".equals(answer.outcome())
                    ? answer.response().path("status").asText("Accepted") : answer.outcome();
            loads.sent(siteId, new SiteLoads.Allocation(session.chargePointId(), session.connectorId(),
                    session.transactionId(), limit.unit(), shares.get(session), outcome, clock.instant()));
            Log.infof("Site %s: %s connector %d (transaction %d) limited to %s %s: %s", siteId, session.chargePointId(),
                    session.connectorId(), session.transactionId(), shares.get(session).toPlainString(), limit.unit(),
                    outcome);
        }
    }

    /** OCPP 1.6 SetChargingProfile: a TxProfile of one period for the whole transaction. */
    static ObjectNode txProfile(SiteLoads.Charging session, LoadLimit limit, BigDecimal share) {
        ObjectNode request = OcppJson.mapper().createObjectNode();
        request.put("connectorId", session.connectorId());
        ObjectNode profile = request.putObject("csChargingProfiles");
        profile.put("chargingProfileId", PROFILE_ID_BASE + session.connectorId());
        profile.put("transactionId", session.transactionId());
        profile.put("stackLevel", 0);
        profile.put("chargingProfilePurpose", "TxProfile");
        profile.put("chargingProfileKind", "Relative");
        ObjectNode schedule = profile.putObject("chargingSchedule");
        schedule.put("chargingRateUnit", limit.unit());
        schedule.putArray("chargingSchedulePeriod").addObject().put("startPeriod", 0).put("limit", share);
        return request;
    }

    private boolean balancesItself(String chargePointId) {
        ConnectionSnapshot snapshot = presence.snapshot(chargePointId);
        return snapshot.vendor() != null && profiles.of(snapshot.vendor(), snapshot.model(), snapshot.firmwareVersion())
                .map(ChargerProfile::balancesItself).orElse(false);
    }

    private static String connectorOf(SiteLoads.Allocation allocation) {
        return allocation.chargePointId() + "#" + allocation.connectorId();
    }

    private static boolean sameSession(SiteLoads.Charging charging, SiteLoads.Allocation sent) {
        return charging.chargePointId().equals(sent.chargePointId()) && charging.connectorId() == sent.connectorId()
                && Objects.equals(charging.transactionId(), sent.transactionId());
    }
}
