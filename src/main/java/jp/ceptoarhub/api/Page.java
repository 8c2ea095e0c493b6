package jp.ceptoarhub.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A page of a cursor-paginated list; {@code nextCursor} is null on the last page. */
@Serdeable
public record Page<T>(List<T> items, @Nullable String nextCursor) {
}
