package org.transformpipeline.chem;

import java.util.List;

/**
 * The five transforms of the RDKit reference (shared/data/README.md), written for CDK. The same
 * SMIRKS ship in config/transforms.yaml; tests use this copy so a change to the library does not
 * silently change what the reference comparison measures.
 */
final class ReferenceTransforms {

  static final List<TransformDefinition> ALL =
      List.of(
          define("phenol_o_methylation", "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C"),
          define("phenol_o_sulfation", "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]S(=O)(=O)O"),
          define(
              "phenol_o_glucuronidation",
              "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2][C@]1([#1+0])O[C@]([#1+0])(C(=O)O)"
                  + "[C@@]([#1+0])(O)[C@]([#1+0])(O)[C@@]1([#1+0])O"),
          define("phenol_o_acetylation", "[c:1][OX2;H1;+0:2]>>[c:1][OH0:2]C(C)=O"),
          define("amine_n_acetylation", "[NX3;H2;!$(NC=O):1][CX4:2]>>[C:2][NH1:1]C(C)=O"));

  private ReferenceTransforms() {}

  private static TransformDefinition define(String name, String smirks) {
    return new TransformDefinition(name, smirks, "reference", "reference", null, Dialect.CDK, null);
  }
}
