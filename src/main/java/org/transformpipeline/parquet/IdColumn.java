package org.transformpipeline.parquet;

import java.util.Objects;

/**
 * Which input column holds the parent ids, and whether the user named it. A column named by default
 * ({@code id}) may be absent: the rows are then identified by their 0-based row number. An
 * explicitly named column must exist. Immutable, thread-safe.
 *
 * @param name the column name
 * @param explicit true when the user gave the name (a missing column is then an error)
 */
public record IdColumn(String name, boolean explicit) {

  /** The id column looked for when the user names none. */
  public static final String DEFAULT_NAME = "id";

  public IdColumn {
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("id column name is blank");
    }
  }

  /** The default: use column {@code id} if the file has one, else the row number. */
  public static IdColumn byDefault() {
    return new IdColumn(DEFAULT_NAME, false);
  }

  /** A column the user named; the file must have it. */
  public static IdColumn explicit(String name) {
    return new IdColumn(name, true);
  }

  /** From an option value that is null when the option was not given. */
  public static IdColumn fromOption(String nameOrNull) {
    return nameOrNull == null ? byDefault() : explicit(nameOrNull);
  }
}
