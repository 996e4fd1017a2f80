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
 * their shape: a {@code transforms} list of mappings with a snake_case, unique {@code name} and a
 * {@code smirks}. The SMIRKS themselves are checked by {@link SmirksCheck}.
 *
 * <pre>
 * transforms:
 *   - name: phenol_o_methylation
 *     smirks: "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C"
 *     description: methyl ether of a phenol
 *     category: phase2-conjugation
 *     max_sites: 4          # optional
 * </pre>
 *
 * <p>Stateless and thread-safe.
 */
final class TransformFile {

  /** The syntax of a transform file. */
  enum Format {
    YAML,
    JSON
  }

  static final Set<String> KEYS = Set.of("name", "smirks", "description", "category", "max_sites");
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
  static List<TransformDefinition> read(String source, InputStream in, Format format) {
    ObjectMapper mapper = format == Format.YAML ? new YAMLMapper() : new JsonMapper();
    String syntax = format.name();
    try (JsonParser parser = mapper.createParser(in)) {
      parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      JsonToken token = parser.nextToken();
      if (token == JsonToken.START_ARRAY) {
        return entries(source, mapper, parser);
      }
      if (token == JsonToken.START_OBJECT) {
        List<TransformDefinition> list = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          int line = parser.currentTokenLocation().getLineNr();
          parser.nextToken();
          if (!key.equals("transforms")) {
            throw fail(
                source + ": line " + line + ": unknown key '" + key + "' (expected 'transforms')");
          }
          if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw fail(source + ": line " + line + ": 'transforms' must be a list of transforms");
          }
          list = entries(source, mapper, parser);
        }
        if (list != null) {
          return list;
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

  private static List<TransformDefinition> entries(
      String source, ObjectMapper mapper, JsonParser parser) throws IOException {
    List<TransformDefinition> list = new ArrayList<>();
    Map<String, Integer> lineOfName = new HashMap<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      int line = parser.currentTokenLocation().getLineNr();
      JsonNode node = mapper.readTree(parser);
      TransformDefinition definition = definition(source, list.size() + 1, line, node);
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
      list.add(definition);
    }
    if (list.isEmpty()) {
      throw fail(source + ": the 'transforms' list is empty");
    }
    return list;
  }

  private static TransformDefinition definition(String source, int index, int line, JsonNode node) {
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
                + "' (known: name, smirks, description, category, max_sites)");
      }
    }
    String smirks = text(where, node, "smirks");
    if (smirks == null || smirks.isBlank()) {
      throw fail(where + ": missing 'smirks'");
    }
    return new TransformDefinition(
        name,
        smirks.strip(),
        text(where, node, "description"),
        text(where, node, "category"),
        maxSites(where, node.get("max_sites")));
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
