package org.transformpipeline.chem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the entries of a transform file (YAML or JSON) into {@link TransformDefinition}s and checks
 * their shape: an optional {@code dialect} for the whole file (default {@code rdkit}) and a {@code
 * transforms} list of mappings with a snake_case, unique {@code name} and a {@code smirks}. The
 * SMIRKS themselves are checked by {@link SmirksCheck}.
 *
 * <pre>
 * dialect: rdkit            # optional: rdkit, daylight or cdk
 * transforms:
 *   - name: phenol_o_methylation
 *     smirks: "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C"
 *     description: methyl ether of a phenol
 *     category: phase2-conjugation
 *     max_sites: 4          # optional
 *     dialect: cdk          # optional, this transform only
 *     probability: 0.5      # optional, 0 to 1
 * filters:                  # optional: what every product must be (ProductFilter)
 *   max_weight: 900
 *   elements: [C, N, O, S, P]
 *   must_not_match: ["[N+](=O)[O-]"]
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
final class TransformFile {

  /** The syntax of a transform file. */
  enum Format {
    YAML,
    JSON,
    /** Tab-separated rule lines, read by {@link RuleLines}. */
    RULE_LINES
  }

  /** What a file holds: its transforms and its product filter ({@link ProductFilter#NONE}). */
  record Contents(List<TransformDefinition> transforms, ProductFilter filter) {}

  static final Set<String> FILTER_KEYS = Set.copyOf(ProductFilter.REASONS);

  static final Set<String> KEYS =
      Set.of("name", "smirks", "description", "category", "max_sites", "dialect", "probability");
  private static final Pattern YAML_MARK =
      Pattern.compile("\\s*in '.*', line (\\d+), column (\\d+):");
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

  private TransformFile() {}

  /**
   * Reads and shape-checks every entry.
   *
   * @param source names the file in messages
   * @throws TransformLibraryException on the first problem, naming the file and entry
   */
  static Contents read(String source, InputStream in, Format format) {
    ObjectMapper mapper = format == Format.YAML ? new YAMLMapper() : new JsonMapper();
    String syntax = format.name();
    try (JsonParser parser = mapper.createParser(in)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        return new Contents(
            inFileDialect(entries(source, mapper, parser), Dialect.RDKIT), ProductFilter.NONE);
      }
      if (token == JsonToken.START_OBJECT) {
        List<Entry> list = null;
        Dialect dialect = Dialect.RDKIT;
        ProductFilter filter = ProductFilter.NONE;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int line = parser.currentTokenLocation().getLineNr();
          parser.nextToken();
          if (key.equals("dialect")) {
            dialect = dialect(source + ": line " + line, mapper.readTree(parser));
            continue;
          }
          if (key.equals("filters")) {
            filter = filter(source + ": filters (line " + line + ")", mapper.readTree(parser));
            continue;
          }
          if (!key.equals("transforms")) {
            throw fail(
                source
                    + ": line "
                    + line
                    + ": unknown key '"
                    + key
                    + "' (expected 'dialect', 'filters' or 'transforms')");
          }
          if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw fail(source + ": line " + line + ": 'transforms' must be a list of transforms");
          }
          list = entries(source, mapper, parser);
        }
        if (list != null) {
          return new Contents(inFileDialect(list, dialect), filter);
        }
      }
      throw fail(source + ": no 'transforms' list found");
    } catch (JsonProcessingException e) {
      throw new TransformLibraryException(source + ": " + syntaxError(syntax, e), e);
    } catch (IOException e) {
      throw new TransformLibraryException(source + ": cannot read the transform file: " + e, e);
    }
  }

  /**
   * One line from a parser's message. SnakeYAML's messages span several lines: the context and
   * problem texts, each followed by " in 'reader', line L, column C:" and an excerpt; the last mark
   * is the problem's position (Jackson's own location can lag behind it).
   */
  static String syntaxError(String syntax, JsonProcessingException e) {
    String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    List<String> texts = new ArrayList<>();
    String at = null;
    for (String line : message.split("\\R")) {
      Matcher mark = YAML_MARK.matcher(line);
      if (mark.matches()) {
        at = "line " + mark.group(1) + ", column " + mark.group(2);
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        texts.add(line.strip());
      }
    }
    JsonLocation where = e.getLocation();
    if (at == null && where != null && where.getLineNr() > 0) {
      at = "line " + where.getLineNr() + ", column " + where.getColumnNr();
    }
    String hint =
        message.contains("found '['") ? " (a SMIRKS starting with '[' must be quoted)" : "";
    return syntax
        + " syntax error"
        + (at == null ? "" : " at " + at)
        + ": "
        + String.join("; ", texts)
        + hint;
  }

  /** A transform as read, and whether it named its own dialect. */
  private record Entry(TransformDefinition definition, boolean ownDialect) {}

  private static List<TransformDefinition> inFileDialect(List<Entry> entries, Dialect dialect) {
    return entries.stream()
        .map(e -> e.ownDialect() ? e.definition() : e.definition().inDialect(dialect))
        .toList();
  }

  private static List<Entry> entries(String source, ObjectMapper mapper, JsonParser parser)
      throws IOException {
    List<Entry> list = new ArrayList<>();
    Map<String, Integer> lineOfName = new HashMap<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode node = mapper.readTree(parser);
      Entry entry = definition(source, list.size() + 1, line, node);
      TransformDefinition definition = entry.definition();
      Integer first = lineOfName.putIfAbsent(definition.name(), line);
      if (first != null) {
        throw fail(
            source
                + ": transform '"
                + definition.name()
                + "' (line "
                + line
                + "): duplicate name, first defined at line "
                + first);
      }
      list.add(entry);
    }
    if (list.isEmpty()) {
      throw fail(source + ": the 'transforms' list is empty");
    }
    return list;
  }

  private static Entry definition(String source, int index, int line, JsonNode node) {
    String where = source + ": transform #" + index + " (line " + line + ")";
    if (!node.isObject()) {
      throw fail(where + ": expected a mapping with 'name' and 'smirks'");
    }
    String name = text(where, node, "name");
    if (name == null || name.isBlank()) {
      throw fail(where + ": missing 'name'");
    }
    if (!SNAKE_CASE.matcher(name).matches()) {
      throw fail(
          where
              + ": name '"
              + name
              + "' is not snake_case (a-z, 0-9 and '_', starting with a letter)");
    }
    where = source + ": transform '" + name + "' (line " + line + ")";
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!KEYS.contains(key)) {
        throw fail(
            where
                + ": unknown key '"
                + key
                + "' (known: name, smirks, description, category, max_sites, dialect,"
                + " probability)");
      }
    }
    String smirks = text(where, node, "smirks");
    if (smirks == null || smirks.isBlank()) {
      throw fail(where + ": missing 'smirks'");
    }
    JsonNode dialect = node.get("dialect");
    boolean ownDialect = dialect != null && !dialect.isNull();
    return new Entry(
        new TransformDefinition(
            name,
            smirks.strip(),
            text(where, node, "description"),
            text(where, node, "category"),
            maxSites(where, node.get("max_sites")),
            ownDialect ? dialect(where, dialect) : Dialect.RDKIT,
            probability(where, node.get("probability"))),
        ownDialect);
  }

  /** A {@code filters:} mapping: the keys of {@link ProductFilter#REASONS}. */
  private static ProductFilter filter(String where, JsonNode node) {
    if (!node.isObject()) {
      throw fail(
          where
              + ": expected a mapping (known keys: "
              + String.join(", ", ProductFilter.REASONS)
              + ")");
    }
    for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      if (!FILTER_KEYS.contains(key)) {
        throw fail(
            where
                + ": unknown key '"
                + key
                + "' (known: "
                + String.join(", ", ProductFilter.REASONS)
                + ")");
      }
    }
    try {
      return new ProductFilter(
          number(where, node, "min_weight"),
          number(where, node, "max_weight"),
          count(where, node, "min_heavy_atoms"),
          count(where, node, "max_heavy_atoms"),
          node.has("elements")
              ? ProductFilter.elementList(String.join(",", texts(where, node, "elements")))
              : Set.of(),
          texts(where, node, "must_match"),
          texts(where, node, "must_not_match"));
    } catch (IllegalArgumentException e) {
      throw fail(where + ": " + e.getMessage());
    }
  }

  private static Double number(String where, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw fail(where + ": '" + key + "' must be a number, not '" + value.asText() + "'");
    }
    return value.doubleValue();
  }

  private static Integer count(String where, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber()) {
      throw fail(where + ": '" + key + "' must be a whole number, not '" + value.asText() + "'");
    }
    return value.intValue();
  }

  /** A list of strings, or one string (a comma-separated list for elements). */
  private static List<String> texts(String where, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (value.isTextual()) {
      return List.of(value.asText());
    }
    List<String> out = new ArrayList<>();
    if (value.isArray()) {
      for (JsonNode item : value) {
        if (!item.isTextual()) {
          throw fail(where + ": '" + key + "' must be a list of text, not " + item);
        }
        out.add(item.asText());
      }
      return out;
    }
    throw fail(where + ": '" + key + "' must be text or a list of text");
  }

  private static Dialect dialect(String where, JsonNode value) {
    return Dialect.named(value.asText())
        .filter(d -> value.isTextual())
        .orElseThrow(
            () ->
                fail(
                    where
                        + ": unknown dialect '"
                        + value.asText()
                        + "' (known: "
                        + Dialect.labels()
                        + ")"));
  }

  /** A probability between 0 and 1, or null when not given. */
  static Double probability(String where, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    double p = value.isNumber() ? value.doubleValue() : Double.NaN;
    if (!(p >= 0 && p <= 1)) {
      throw fail(
          where + ": 'probability' must be a number from 0 to 1, not '" + value.asText() + "'");
    }
    return p;
  }

  private static String text(String where, JsonNode node, String key) {
    JsonNode value = node.get(key);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isContainerNode()) {
      String hint = key.equals("smirks") ? " (quote it: smirks: \"[c:1]...\")" : "";
      throw fail(where + ": '" + key + "' must be text" + hint);
    }
    return value.asText();
  }

  private static Integer maxSites(String where, JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
      throw fail(
          where
              + ": 'max_sites' must be a whole number of at least 1, not '"
              + value.asText()
              + "'");
    }
    return value.intValue();
  }

  private static TransformLibraryException fail(String message) {
    return new TransformLibraryException(message);
  }
}
