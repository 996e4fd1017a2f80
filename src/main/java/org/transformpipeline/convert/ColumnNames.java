package org.transformpipeline.convert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Makes column names usable as Parquet (and DuckDB, Spark) columns: not blank, and unique ignoring
 * case. Stateless, thread-safe.
 */
final class ColumnNames {

  private ColumnNames() {}

  /**
   * The names made unique: a blank name becomes {@code column_<n>} (1-based position); a name
   * already taken (ignoring case, also by {@code reserved}) gets {@code _2}, {@code _3}, ...
   *
   * @param names the names in order
   * @param reserved names that are taken before the first
   * @param renamed receives a line per changed name, e.g. {@code 'SMILES' -> 'SMILES_2'}
   */
  static List<String> unique(
      List<String> names, Collection<String> reserved, List<String> renamed) {
    Set<String> taken = new HashSet<>();
    reserved.forEach(name -> taken.add(name.toLowerCase(Locale.ROOT)));
    List<String> unique = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String given = names.get(i) == null ? "" : names.get(i);
      String name = given.strip();
      String base = name.isEmpty() ? "column_" + (i + 1) : name;
      String candidate = base;
      for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
        candidate = base + "_" + n;
      }
      if (!candidate.equals(given)) {
        renamed.add("'" + given + "' -> '" + candidate + "'");
      }
      unique.add(candidate);
    }
    return unique;
  }
}
