package org.transformpipeline.convert;

import java.util.List;
import java.util.Objects;

/**
 * The columns of a molecule table: every column's name in order, and which of them holds the SMILES
 * and which the id. Immutable.
 *
 * @param names all column names, unique ignoring case
 * @param smiles index of the SMILES column
 * @param id index of the id column, or -1 when there is none
 */
public record MoleculeColumns(List<String> names, int smiles, int id) {

  public MoleculeColumns {
    names = List.copyOf(names);
    Objects.checkIndex(smiles, names.size());
    if (id != -1) {
      Objects.checkIndex(id, names.size());
      if (id == smiles) {
        throw new IllegalArgumentException("the SMILES and id columns are the same: " + id);
      }
    }
  }

  /** How many columns. */
  public int size() {
    return names.size();
  }

  /** The name of the SMILES column. */
  public String smilesName() {
    return names.get(smiles);
  }

  /** The name of the id column, or null. */
  public String idName() {
    return id < 0 ? null : names.get(id);
  }

  /** True for a column other than the SMILES and id columns. */
  public boolean isOther(int column) {
    return column != smiles && column != id;
  }
}
