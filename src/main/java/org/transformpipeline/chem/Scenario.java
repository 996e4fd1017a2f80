package org.transformpipeline.chem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which transforms each generation applies: steps in order, each a set of transforms applied for a
 * number of cycles (generations), as SyGMa's scenarios do ({@code phase1:2,phase2:1}: the phase 1
 * rules for two generations, then the phase 2 rules for one). Plain {@code --generations K} is one
 * step of every transform for K cycles. Immutable.
 *
 * @param steps the steps, in order
 */
public record Scenario(List<Step> steps) {

  /**
   * One step.
   *
   * @param selector how it was written: a category, transform names joined by {@code +}, or {@code
   *     all}
   * @param cycles the generations it lasts, at least 1
   * @param transforms the transforms it applies, in library order
   */
  public record Step(String selector, int cycles, List<TransformDefinition> transforms) {
    public Step {
      transforms = List.copyOf(transforms);
      if (cycles < 1) {
        throw new IllegalArgumentException("cycles must be at least 1: " + cycles);
      }
    }
  }

  public Scenario {
    steps = List.copyOf(steps);
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs a step");
    }
  }

  /** Every transform for {@code generations} generations. */
  public static Scenario repeat(List<TransformDefinition> transforms, int generations) {
    return new Scenario(List.of(new Step("all", generations, transforms)));
  }

  /**
   * Reads {@code STEP,STEP,...}, each {@code SELECTOR:CYCLES} ({@code :CYCLES} may be left out for
   * 1), where SELECTOR is {@code all}, a category of the library or transform names joined by
   * {@code +}.
   *
   * @throws IllegalArgumentException with a message naming the step and what the library has
   */
  public static Scenario parse(String text, List<TransformDefinition> library) {
    List<Step> steps = new ArrayList<>();
    for (String step : text.split(",", -1)) {
      String trimmed = step.strip();
      int colon = trimmed.lastIndexOf(':');
      String selector = colon < 0 ? trimmed : trimmed.substring(0, colon).strip();
      int cycles = 1;
      if (colon >= 0) {
        try {
          cycles = Integer.parseInt(trimmed.substring(colon + 1).strip());
        } catch (NumberFormatException e) {
          cycles = 0;
        }
        if (cycles < 1) {
          throw new IllegalArgumentException(
              "step '" + trimmed + "': the cycles after ':' must be a whole number >= 1");
        }
      }
      if (selector.isEmpty()) {
        throw new IllegalArgumentException(
            "empty step in '" + text + "' (write CATEGORY_OR_NAMES:CYCLES, ...)");
      }
      steps.add(new Step(selector, cycles, select(selector, library)));
    }
    return new Scenario(steps);
  }

  private static List<TransformDefinition> select(
      String selector, List<TransformDefinition> library) {
    if (selector.equals("all")) {
      return library;
    }
    List<TransformDefinition> byCategory =
        library.stream().filter(t -> t.category().equals(selector)).toList();
    if (!byCategory.isEmpty()) {
      return byCategory;
    }
    Set<String> names = new LinkedHashSet<>(List.of(selector.split("\\+")));
    List<TransformDefinition> byName =
        library.stream().filter(t -> names.contains(t.name())).toList();
    if (byName.size() != names.size()) {
      Set<String> missing = new LinkedHashSet<>(names);
      byName.forEach(t -> missing.remove(t.name()));
      Set<String> categories = new LinkedHashSet<>();
      library.forEach(t -> categories.add(t.category().isEmpty() ? "(none)" : t.category()));
      throw new IllegalArgumentException(
          "step '"
              + selector
              + "': no category of that name, and no transform named "
              + String.join(", ", missing)
              + " (categories: "
              + String.join(", ", categories)
              + ")");
    }
    return byName;
  }

  /** The number of generations: the cycles of every step. */
  public int generations() {
    return steps.stream().mapToInt(Step::cycles).sum();
  }

  /** The step generation {@code g} (from 1) belongs to. */
  public Step stepOf(int generation) {
    int end = 0;
    for (Step step : steps) {
      end += step.cycles();
      if (generation <= end) {
        return step;
      }
    }
    throw new IllegalArgumentException(
        "generation " + generation + " is past the scenario's " + end);
  }

  /** Every transform some step applies, once each, in the order the steps name them. */
  public List<TransformDefinition> transforms() {
    Set<TransformDefinition> all = new LinkedHashSet<>();
    steps.forEach(s -> all.addAll(s.transforms()));
    return List.copyOf(all);
  }

  /** How it reads in a summary and a run's identity: {@code phase1:2,phase2:1}. */
  public String label() {
    return String.join(",", steps.stream().map(s -> s.selector() + ":" + s.cycles()).toList());
  }
}
