package org.evsettle.deploy;

import static org.evsettle.deploy.Manifests.ofKind;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.evsettle.events.Topics;

/**
 * The Kafka ACLs in their three forms, as one comparable set: what {@code Topics.ACCESS} says, what the
 * Strimzi KafkaUsers of an overlay declare, and what docker-compose.yml's kafka-setup grants; and as the
 * bindings a broker takes.
 */
final class KafkaAcls {

    /** One allowed operation of a principal on a literal resource (a topic or a consumer group). */
    record Acl(String principal, String resourceType, String resource, String operation) {

        AclBinding binding() {
            return new AclBinding(
                    new ResourcePattern(ResourceType.fromString(resourceType), resource, PatternType.LITERAL),
                    new AccessControlEntry("User:" + principal, "*", AclOperation.fromString(operation),
                            AclPermissionType.ALLOW));
        }
    }

    private KafkaAcls() {
    }

    /** The ACLs of the one source of truth, {@link Topics#ACCESS}. */
    static Set<Acl> ofTopics() {
        Set<Acl> acls = new HashSet<>();
        for (Topics.ClientAccess access : Topics.ACCESS) {
            access.writes().forEach(topic -> add(acls, access.principal(), "topic", topic, "write", "describe"));
            access.reads().forEach(topic -> add(acls, access.principal(), "topic", topic, "read", "describe"));
            access.group().ifPresent(group -> add(acls, access.principal(), "group", group, "read"));
        }
        return acls;
    }

    /** The ACLs the KafkaUser resources of a rendered overlay declare. */
    static Set<Acl> ofKafkaUsers(List<JsonNode> rendered) {
        Set<Acl> acls = new HashSet<>();
        ofKind(rendered, "KafkaUser").forEach(user -> {
            String principal = user.at("/metadata/name").asText();
            user.at("/spec/authorization/acls").forEach(acl -> {
                if (!"literal".equals(acl.at("/resource/patternType").asText("literal"))
                        || !"allow".equalsIgnoreCase(acl.path("type").asText("allow"))
                        || !"*".equals(acl.path("host").asText("*"))) {
                    throw new AssertionError("KafkaUser " + principal + " has an ACL other than an allowed literal: " + acl);
                }
                acl.path("operations").forEach(operation -> add(acls, principal, acl.at("/resource/type").asText(),
                        acl.at("/resource/name").asText(), operation.asText().toLowerCase(Locale.ROOT)));
            });
        });
        return acls;
    }

    /** The ACLs that the kafka-setup script of docker-compose.yml grants (its writes, reads and group lines). */
    static Set<Acl> ofCompose(String script) {
        Set<Acl> acls = new HashSet<>();
        Matcher line = Pattern.compile("(?m)^\\s*(writes|reads|group) (\\S+) (.+?)\\s*$").matcher(script);
        while (line.find()) {
            String principal = line.group(2);
            for (String name : line.group(3).split("\\s+")) {
                switch (line.group(1)) {
                    case "writes" -> add(acls, principal, "topic", name, "write", "describe");
                    case "reads" -> add(acls, principal, "topic", name, "read", "describe");
                    default -> add(acls, principal, "group", name, "read");
                }
            }
        }
        return acls;
    }

    private static void add(Set<Acl> acls, String principal, String type, String name, String... operations) {
        for (String operation : operations) {
            acls.add(new Acl(principal, type, name, operation));
        }
    }
}
