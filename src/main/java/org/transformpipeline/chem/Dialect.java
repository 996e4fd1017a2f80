package org.transformpipeline.chem;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.openscience.cdk.smirks.SmirksOption;

/**
 * How a SMIRKS is read: the reaction-SMARTS semantics of the toolkit it was written for. CDK 2.12
 * implements the other toolkits' semantics as {@link SmirksOption} sets; a dialect names one.
 *
 * <ul>
 *   <li>{@link #RDKIT} (the default): RDKit's reaction SMARTS as public rule sets assume. Hydrogens
 *       of changed atoms are recomputed unless the product template sets them, unmapped reactant
 *       atoms are deleted, {@code [*:1].[*:2]} are different parts, a new bond overwrites an old
 *       one. CDK's {@code RDKIT} set without two post-processing steps done here instead: {@code
 *       REMOVE_UNMAPPED_FRAGMENTS} (the parent's other components, counter-ions, are kept or left
 *       out by {@link FragmentMode}) and {@code RECOMPUTE_HYDROGENS}, whose atom-typer recompute
 *       takes the H off a pyrrole-type {@code [nH]} and leaves S short after a C-S cleavage, and
 *       costs an atom typing per matched atom ({@code SiteEdit.recomputeHydrogens} gives RDKit's
 *       counts).
 *   <li>{@link #DAYLIGHT}: Daylight SMIRKS; element and hydrogen counts are not set from the
 *       product side, hydrogens are made explicit where the pattern holds a {@code *}.
 *   <li>{@link #CDK}: CDK's literal semantics, the engine's behaviour before dialects: nothing is
 *       recomputed, so a changed atom's H count must be written on the product side.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
public enum Dialect {
  RDKIT(
      without(
          SmirksOption.RDKIT,
          SmirksOption.REMOVE_UNMAPPED_FRAGMENTS,
          SmirksOption.RECOMPUTE_HYDROGENS)),
  DAYLIGHT(SmirksOption.DAYLIGHT),
  CDK(Set.of());

  private final Set<SmirksOption> options;

  Dialect(Set<SmirksOption> options) {
    this.options = options;
  }

  /** The CDK options passed to {@code Smirks.parse} for this dialect (unmodifiable). */
  public Set<SmirksOption> options() {
    return options;
  }

  /** The name as written in files and options: {@code rdkit}, {@code daylight}, {@code cdk}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dialect named {@code text} (any case), or empty. */
  public static Optional<Dialect> named(String text) {
    return Arrays.stream(values())
        .filter(d -> d.label().equalsIgnoreCase(text.strip()))
        .findFirst();
  }

  /** {@code rdkit, daylight, cdk}: for messages. */
  public static String labels() {
    return Arrays.stream(values()).map(Dialect::label).collect(Collectors.joining(", "));
  }

  private static Set<SmirksOption> without(Set<SmirksOption> set, SmirksOption... options) {
    EnumSet<SmirksOption> copy = EnumSet.copyOf(set);
    copy.removeAll(Arrays.asList(options));
    return Collections.unmodifiableSet(copy);
  }
}
