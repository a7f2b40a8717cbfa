package org.evsettle.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.evsettle.kit.api.Keyset;
import org.evsettle.kit.api.Page;
import org.evsettle.kit.api.PageRequest;
import org.evsettle.outbox.api.KeysetQuery;
import org.evsettle.testkit.InfrastructureResource;
import org.junit.jupiter.api.Test;

/** A list read page by page with KeysetQuery: every row once, in key order, with the list's own condition. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class KeysetQueryTest {

    private static final Keyset BY_NAME_THEN_ID = Keyset.of(Keyset.ascending("legalName", String.class),
            Keyset.descending("id", UUID.class));

    @Test
    void readsEveryMatchingRowOnceInKeyOrderAcrossPages() {
        String tag = "Keyset " + UUID.randomUUID() + " ";
        List<KnownOperator> stored = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            // two rows share each name, so the id decides between them
            for (int i = 0; i < 7; i++) {
                stored.add(operator(tag + (char) ('a' + i / 2)));
            }
            operator("Other " + UUID.randomUUID());
        });

        List<KnownOperator> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            String after = cursor;
            Page<KnownOperator> page = QuarkusTransaction.requiringNew().call(() -> KeysetQuery.page(
                    KnownOperator.class, BY_NAME_THEN_ID, "legalName like :tag", Map.of("tag", tag + "%"),
                    PageRequest.of(3, after), operator -> List.of(operator.legalName, operator.id)));
            read.addAll(page.items());
            sizes.add(page.items().size());
            cursor = page.next();
        } while (cursor != null);

        assertThat(sizes).containsExactly(3, 3, 1);
        assertThat(read).extracting(operator -> operator.id).containsExactlyElementsOf(stored.stream()
                .sorted(Comparator.<KnownOperator, String>comparing(operator -> operator.legalName)
                        // PostgreSQL orders uuids by their bytes, as their text sorts
                        .thenComparing(operator -> operator.id.toString(), Comparator.reverseOrder()))
                .map(operator -> operator.id).toList());
    }

    private static KnownOperator operator(String name) {
        KnownOperator operator = new KnownOperator();
        operator.id = UUID.randomUUID();
        operator.legalName = name;
        operator.persist();
        return operator;
    }
}
