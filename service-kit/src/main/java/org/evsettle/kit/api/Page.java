package org.evsettle.kit.api;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list, the same shape for every list the platform answers: its items in the list's
 * order, and the cursor of the next page, absent on the last one. The next page is the same request
 * with {@code cursor} set to {@code next}.
 */
@Schema(description = "One page of a list; ask for the next page with cursor=<next>")
public record Page<T>(
        @Schema(description = "The items of this page, in the list's order") List<T> items,
        @Schema(description = "Cursor of the next page; absent on the last page", example = "WyIyMDI2LTAzLTAxIiwiZjVhLi4uIl0")
        String next) {

    public <R> Page<R> map(Function<? super T, ? extends R> mapping) {
        return new Page<>(items.stream().<R>map(mapping).toList(), next);
    }
}
