package org.transformpipeline.chem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tab-separated line format public rule sets ship in ({@code .txt}, {@code .tsv}): one
 * transform a line, {@code #} starts a comment line, blank lines are skipped.
 *
 * <ul>
 *   <li>With a header line naming the columns ({@code smirks}, {@code name}, {@code probability},
 *       {@code comment}, {@code description}, {@code dialect}; any order, any case), columns are
 *       read by name.
 *   <li>Without one, the first column is the SMIRKS and the others are told apart by their text: a
 *       number from 0 to 1 is the probability, a column starting with {@code #} the comment, the
 *       first other column the name. Both {@code SMIRKS<TAB>name<TAB>probability} and SyGMa's
 *       {@code SMIRKS<TAB>probability<TAB>name<TAB>#comment} read this way.
 * </ul>
 *
 * <p>Every transform is in {@link Dialect#RDKIT}, the semantics these rule sets are written for,
 * unless a {@code dialect} column says otherwise. A name used again gets {@code _2}, {@code _3}...
 * (with a warning), since products name their transform. Stateless and thread-safe.
 */
final class RuleLines {

  private static final Logger LOG = LoggerFactory.getLogger(RuleLines.class);
  private static final List<String> COLUMNS =
      List.of("smirks", "name", "probability", "comment", "description", "dialect");

  private RuleLines() {}

  /**
   * Reads every rule line.
   *
   * @param source names the file in messages
   * @throws TransformLibraryException on the first bad line, naming the file and line
   */
  static List<TransformDefinition> read(String source, InputStream in) throws IOException {
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    List<TransformDefinition> rules = new ArrayList<>();
    Map<String, Integer> uses = new HashMap<>();
    Map<String, Integer> header = null;
    int lineNumber = 0;
    String line;
    while ((line = reader.readLine()) != null) {
      lineNumber++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (rules.isEmpty() && header == null && isHeader(cells)) {
        header = header(source, lineNumber, cells);
        continue;
      }
      String where = source + ": line " + lineNumber;
      TransformDefinition rule =
          header == null ? byText(where, cells) : byName(where, cells, header);
      int use = uses.merge(rule.name(), 1, Integer::sum);
      if (use > 1) {
        String renamed = rule.name() + "_" + use;
        LOG.warn("{}: name '{}' used again, this one is '{}'", where, rule.name(), renamed);
        rule = rename(rule, renamed);
      }
      rules.add(rule);
    }
    if (rules.isEmpty()) {
      throw new TransformLibraryException(source + ": no rule lines (SMIRKS<TAB>name...)");
    }
    return rules;
  }

  private static boolean isHeader(String[] cells) {
    return COLUMNS.contains(cells[0].strip().toLowerCase(Locale.ROOT));
  }

  private static Map<String, Integer> header(String source, int line, String[] cells) {
    Map<String, Integer> columns = new HashMap<>();
    for (int i = 0; i < cells.length; i++) {
      String name = cells[i].strip().toLowerCase(Locale.ROOT);
      if (!COLUMNS.contains(name)) {
        throw new TransformLibraryException(
            source
                + ": line "
                + line
                + ": unknown column '"
                + cells[i]
                + "' (known: "
                + COLUMNS
                + ")");
      }
      columns.put(name, i);
    }
    if (!columns.containsKey("smirks") || !columns.containsKey("name")) {
      throw new TransformLibraryException(
          source + ": line " + line + ": the header must name a 'smirks' and a 'name' column");
    }
    return columns;
  }

  private static TransformDefinition byName(
      String where, String[] cells, Map<String, Integer> header) {
    String smirks = cell(cells, header.get("smirks"));
    String name = cell(cells, header.get("name"));
    String probability = cell(cells, header.get("probability"));
    String description = cell(cells, header.get("description"));
    String comment = cell(cells, header.get("comment"));
    String dialect = cell(cells, header.get("dialect"));
    return rule(
        where,
        smirks,
        name,
        probability.isEmpty() ? null : probability(where, probability),
        description.isEmpty() ? stripHash(comment) : description,
        dialect.isEmpty() ? Dialect.RDKIT : dialect(where, dialect));
  }

  private static TransformDefinition byText(String where, String[] cells) {
    String name = "";
    Double probability = null;
    String comment = "";
    for (int i = 1; i < cells.length; i++) {
      String cell = cells[i].strip();
      if (cell.isEmpty()) {
        continue;
      }
      if (cell.startsWith("#")) {
        comment = stripHash(cell);
      } else if (probability == null && isNumber(cell)) {
        probability = probability(where, cell);
      } else if (name.isEmpty()) {
        name = cell;
      } else {
        throw new TransformLibraryException(
            where + ": more than one name column ('" + name + "', '" + cell + "')");
      }
    }
    return rule(where, cells[0].strip(), name, probability, comment, Dialect.RDKIT);
  }

  private static TransformDefinition rule(
      String where, String smirks, String name, Double p, String description, Dialect dialect) {
    if (smirks.isEmpty()) {
      throw new TransformLibraryException(where + ": missing SMIRKS (first column)");
    }
    if (name.isEmpty()) {
      throw new TransformLibraryException(where + ": missing name (SMIRKS<TAB>name)");
    }
    return new TransformDefinition(name, smirks, description, "", null, dialect, p);
  }

  private static TransformDefinition rename(TransformDefinition t, String name) {
    return new TransformDefinition(
        name,
        t.smirks(),
        t.description(),
        t.category(),
        t.maxSites(),
        t.dialect(),
        t.probability());
  }

  private static boolean isNumber(String cell) {
    return cell.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
  }

  private static Double probability(String where, String cell) {
    double p = isNumber(cell) ? Double.parseDouble(cell) : Double.NaN;
    if (!(p >= 0 && p <= 1)) {
      throw new TransformLibraryException(
          where + ": probability must be a number from 0 to 1, not '" + cell + "'");
    }
    return p;
  }

  private static Dialect dialect(String where, String cell) {
    return Dialect.named(cell)
        .orElseThrow(
            () ->
                new TransformLibraryException(
                    where + ": unknown dialect '" + cell + "' (known: " + Dialect.labels() + ")"));
  }

  private static String cell(String[] cells, Integer index) {
    return index == null || index >= cells.length ? "" : cells[index].strip();
  }

  private static String stripHash(String comment) {
    return comment.startsWith("#") ? comment.substring(1).strip() : comment;
  }
}
