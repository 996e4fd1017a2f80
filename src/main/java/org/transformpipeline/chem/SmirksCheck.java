package org.transformpipeline.chem;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openscience.cdk.CDKConstants;
import org.openscience.cdk.ReactionRole;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.isomorphism.Transform;
import org.openscience.cdk.isomorphism.matchers.Expr;
import org.openscience.cdk.isomorphism.matchers.QueryAtom;
import org.openscience.cdk.isomorphism.matchers.QueryAtomContainer;
import org.openscience.cdk.smarts.Smarts;
import org.openscience.cdk.smarts.SmartsResult;
import org.openscience.cdk.smirks.Smirks;

/**
 * Finds what is wrong with a SMIRKS string, and where, before it is used. The checks run from the
 * cheapest to CDK's own compiler so that the first problem reported is the most precise one:
 * bracket balance, the {@code >>} separator, CDK's SMARTS parse, atom maps, then {@link
 * Smirks#parse}.
 *
 * <p>Stateless and thread-safe.
 */
final class SmirksCheck {

  /**
   * One problem in a SMIRKS.
   *
   * @param message what is wrong, without the position
   * @param position 1-based character position in the SMIRKS; {@code length + 1} means "at the end"
   */
  record Problem(String message, int position) {}

  /**
   * The outcome of checking one SMIRKS.
   *
   * @param problem the first problem found, if any
   * @param warnings CDK's warnings for a SMIRKS that compiles (empty when there are none)
   */
  record Result(Optional<Problem> problem, List<String> warnings) {
    static Result failed(String message, int position) {
      return new Result(Optional.of(new Problem(message, position)), List.of());
    }
  }

  /** A plain explicit hydrogen: CDK folds it into its neighbour's H count. */
  private static final Pattern STEREO_H = Pattern.compile("\\[(H|#1)(:\\d+)?]");

  private SmirksCheck() {}

  /** Checks one SMIRKS as the dialect reads it. */
  static Result check(String smirks, Dialect dialect) {
    if (smirks.isBlank()) {
      return Result.failed("empty SMIRKS", 1);
    }
    Optional<Problem> problem =
        whitespace(smirks).or(() -> brackets(smirks)).or(() -> arrow(smirks));
    if (problem.isPresent()) {
      return new Result(problem, List.of());
    }
    QueryAtomContainer query = new QueryAtomContainer(null);
    SmartsResult parsed = Smarts.parseToResult(query, smirks, Smarts.FLAVOR_LOOSE);
    if (!parsed.ok()) {
      // CDK's position is one past the character it stopped at
      int position = Math.max(1, Math.min(parsed.getPosition(), smirks.length() + 1));
      return Result.failed(lowerFirst(parsed.getMessage()), position);
    }
    problem = atomMaps(query, parsed, dialect);
    if (problem.isPresent()) {
      return new Result(problem, List.of());
    }
    return compile(smirks, dialect);
  }

  /** CDK would read whatever follows a space as a title and ignore it. */
  private static Optional<Problem> whitespace(String smirks) {
    for (int i = 0; i < smirks.length(); i++) {
      if (Character.isWhitespace(smirks.charAt(i))) {
        return Optional.of(new Problem("whitespace inside the SMIRKS", i + 1));
      }
    }
    return Optional.empty();
  }

  /** Unbalanced '[' ']' '(' ')', counted outside and inside recursive SMARTS alike. */
  private static Optional<Problem> brackets(String smirks) {
    Deque<Integer> open = new ArrayDeque<>();
    for (int i = 0; i < smirks.length(); i++) {
      char c = smirks.charAt(i);
      switch (c) {
        case '[' -> {
          // a bracket atom cannot hold another '[' except inside a recursive $(...)
          if (!open.isEmpty() && smirks.charAt(open.peek()) == '[') {
            return unbalanced(smirks, open.peek());
          }
          open.push(i);
        }
        case '(' -> open.push(i);
        case ']', ')' -> {
          char opener = c == ']' ? '[' : '(';
          if (open.isEmpty()) {
            return unbalanced(smirks, i);
          }
          if (smirks.charAt(open.peek()) != opener) {
            return unbalanced(smirks, open.peek());
          }
          open.pop();
        }
        default -> {
          // not a bracket
        }
      }
    }
    return open.isEmpty() ? Optional.empty() : unbalanced(smirks, open.getLast());
  }

  private static Optional<Problem> unbalanced(String smirks, int index) {
    return Optional.of(new Problem("unbalanced '" + smirks.charAt(index) + "'", index + 1));
  }

  /** Exactly one reaction arrow, {@code >>} or {@code >agents>}, outside brackets. */
  private static Optional<Problem> arrow(String smirks) {
    int depth = 0;
    int count = 0;
    int first = -1;
    for (int i = 0; i < smirks.length(); i++) {
      char c = smirks.charAt(i);
      if (c == '[' || c == '(') {
        depth++;
      } else if (c == ']' || c == ')') {
        depth--;
      } else if (c == '>' && depth == 0) {
        count++;
        if (count == 1) {
          first = i;
        } else if (count == 3) {
          return Optional.of(new Problem("more than one reaction arrow '>>'", i + 1));
        }
      }
    }
    if (count == 0) {
      return Optional.of(
          new Problem("missing '>>' between reactant and product", smirks.length() + 1));
    }
    if (count == 1) {
      return Optional.of(new Problem("single '>' where '>>' was expected", first + 1));
    }
    if (first == 0) {
      return Optional.of(new Problem("no reactant pattern before '>>'", 1));
    }
    return Optional.empty();
  }

  /**
   * A map number used twice on one side, a product map number that no reactant atom has (new atoms
   * are written without a map number), or, in the Daylight dialect, which cannot change an element,
   * a mapped atom whose element differs on the two sides.
   */
  private static Optional<Problem> atomMaps(
      QueryAtomContainer query, SmartsResult parsed, Dialect dialect) {
    Map<Integer, IAtom> reactantMaps = new HashMap<>();
    Set<Integer> productMaps = new HashSet<>();
    for (IAtom atom : query.atoms()) {
      Integer map = atom.getProperty(CDKConstants.ATOM_ATOM_MAPPING);
      if (map == null || map == 0) {
        continue;
      }
      ReactionRole role = atom.getProperty(CDKConstants.REACTION_ROLE);
      int position = parsed.getAtomLocation(query.indexOf(atom)) + 1;
      if (role == ReactionRole.Product) {
        if (!productMaps.add(map)) {
          return Optional.of(
              new Problem("atom map :" + map + " used twice on the product side", position));
        }
        if (!reactantMaps.containsKey(map)) {
          return Optional.of(
              new Problem("product atom map :" + map + " is not on the reactant side", position));
        }
        int before = element(reactantMaps.get(map));
        int after = element(atom);
        if (dialect == Dialect.DAYLIGHT && before != 0 && after != 0 && before != after) {
          return Optional.of(
              new Problem(
                  "the daylight dialect cannot change the element of mapped atom :"
                      + map
                      + " (use the rdkit or cdk dialect)",
                  position));
        }
      } else if (role == ReactionRole.Reactant) {
        if (reactantMaps.put(map, atom) != null) {
          return Optional.of(
              new Problem("atom map :" + map + " used twice on the reactant side", position));
        }
      }
    }
    return Optional.empty();
  }

  /** The one element a query atom requires, or 0 when it allows several or any. */
  private static int element(IAtom atom) {
    return atom instanceof QueryAtom q ? element(q.getExpression()) : 0;
  }

  private static int element(Expr expr) {
    return switch (expr.type()) {
      case ELEMENT, ALIPHATIC_ELEMENT, AROMATIC_ELEMENT -> expr.value();
      case AND -> Math.max(element(expr.left()), element(expr.right()));
      default -> 0;
    };
  }

  /** Whatever CDK's SMIRKS compiler refuses in the dialect; its warnings for one it accepts. */
  private static Result compile(String smirks, Dialect dialect) {
    Transform transform = new Transform();
    boolean ok;
    try {
      ok = Smirks.parse(transform, smirks, dialect.options());
    } catch (RuntimeException e) {
      Matcher hydrogen = STEREO_H.matcher(smirks);
      int arrow = smirks.indexOf('>');
      if (smirks.indexOf('@', arrow) >= 0 && hydrogen.find(arrow)) {
        // measured with CDK 2.12: a new stereocentre's [H] or [#1] neighbour has no atom index
        return Result.failed(
            "CDK cannot compile an explicit hydrogen on a new stereocentre; write it [#1+0]",
            hydrogen.start() + 1);
      }
      return Result.failed("CDK cannot compile this SMIRKS (" + e + ")", 1);
    }
    String message = transform.message();
    if (ok) {
      return new Result(Optional.empty(), message == null ? List.of() : warnings(message, smirks));
    }
    String text = message == null ? "CDK rejected the SMIRKS" : message.strip();
    return Result.failed(lowerFirst(firstLine(text)), caretPosition(text, smirks));
  }

  /** CDK messages are "text" or "text\nSMIRKS\n ^^^" repeated; one warning per text. */
  private static List<String> warnings(String message, String smirks) {
    return message
        .lines()
        .filter(l -> !l.isBlank() && !l.equals(smirks) && !l.strip().matches("\\^+"))
        .toList();
  }

  private static int caretPosition(String message, String smirks) {
    List<String> lines = message.lines().toList();
    for (int i = 1; i + 1 < lines.size(); i++) {
      int caret = lines.get(i + 1).indexOf('^');
      if (lines.get(i).equals(smirks) && caret >= 0) {
        return caret + 1;
      }
    }
    return 1;
  }

  private static String firstLine(String text) {
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  private static String lowerFirst(String s) {
    if (s == null || s.isEmpty()) {
      return "invalid SMIRKS";
    }
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
