#!/usr/bin/python3
"""RDKit oracle for multi-generation enumeration (scripts/compare-rdkit-generations.sh).

Subcommands:
  rdkit RULES SMILES GENERATIONS OUT [--exclude-inputs]
      Generation 1 applies every rule to every input molecule RDKit reads; generation g applies
      them to the new unique products of generation g-1 (read back from their key SMILES).
      RunReactants with every match (as uniquify=False: each mapping gives a product, dedup by
      key afterwards); product = RunReactants' components plus the parent's untouched components
      (--fragments keep), sanitized; a product that fails sanitisation (or whose SMILES RDKit
      cannot read back) is dropped and counted. Key = canonical isomeric SMILES after stereo
      cleanup (compare_rdkit.canonical). A product is new unique in generation g if its key was
      not produced earlier in the run, nor earlier in g, nor (--exclude-inputs) is an input's key.
      OUT lines: generation<TAB>rule<TAB>parent_key<TAB>product_key (new unique products only);
      OUT.json: per generation parents, products generated, sanitisation failures, new unique.
  ours TSV OUT
      Our apply output (converted to TSV by `transform.jar convert`), product and parent SMILES
      re-canonicalised with RDKit. OUT lines as above; an unreadable product is '!unreadable <smiles>'.
  compare RDKIT OURS OURS_SUMMARY_JSON
      Per generation: RDKit's new unique, ours, found %, extras %, and the differences by cause
      with one example each (a product found in another generation is its own category).
Only RDKit and the standard library are used; shared helpers come from compare_rdkit.py.
"""
import collections
import csv
import json
import sys
import time

from rdkit import Chem
from rdkit.Chem import AllChem

from compare_rdkit import AROMATIC_EXOCYCLIC, canonical, radicals, read_rules, read_smiles, pct


def products_of(mol, rxn, stats):
    """Every match's whole product key (a list: duplicates kept, as uniquify=False)."""
    fragments = Chem.GetMolFrags(mol)
    fragment_mols = Chem.GetMolFrags(mol, asMols=True, sanitizeFrags=False)
    out = []
    for tup in rxn.RunReactants((mol,), 100000):
        used, combined = set(), None
        for product in tup:
            used.update(a.GetIntProp("react_atom_idx") for a in product.GetAtoms() if a.HasProp("react_atom_idx"))
            combined = product if combined is None else Chem.CombineMols(combined, product)
        for atoms, fragment in zip(fragments, fragment_mols):
            if not used.intersection(atoms):
                combined = Chem.CombineMols(combined, fragment)
        try:
            combined = Chem.Mol(combined)
            Chem.SanitizeMol(combined)
            key = canonical(combined)
            if Chem.MolFromSmiles(key) is None:
                raise ValueError("unreadable " + key)
        except Exception:
            stats["sanitisation failures"] += 1
            continue
        out.append(key)
    return out


def cmd_rdkit(rules_path, smiles_path, generations, out_path, *flags):
    exclude_inputs = "--exclude-inputs" in flags
    rules = [(name, AllChem.ReactionFromSmarts(smirks)) for name, smirks in read_rules(rules_path)]
    for _, rxn in rules:
        rxn.Initialize()
    parents, seen, report, unreadable_inputs = [], set(), [], 0
    for smiles in read_smiles(smiles_path, 10**9):
        mol = Chem.MolFromSmiles(smiles)
        if mol is None:
            unreadable_inputs += 1
            continue
        parents.append((canonical(Chem.Mol(mol)), mol))
    input_keys = len({key for key, _ in parents})
    print("RDKit: %d inputs read, %d unreadable, %d distinct keys" % (len(parents), unreadable_inputs, input_keys))
    if exclude_inputs:
        seen.update(key for key, _ in parents)
    with open(out_path, "w", encoding="utf-8") as out:
        for generation in range(1, int(generations) + 1):
            start = time.time()
            stats = collections.Counter(parents=len(parents))
            new = []
            for parent_key, mol in parents:
                for name, rxn in rules:
                    for key in products_of(mol, rxn, stats):
                        stats["products generated"] += 1
                        if key in seen:
                            continue
                        seen.add(key)
                        new.append(key)
                        out.write("%d\t%s\t%s\t%s\n" % (generation, name, parent_key, key))
            stats["new unique"] = len(new)
            stats["seconds"] = round(time.time() - start, 1)
            report.append(dict(generation=generation, **stats))
            print("RDKit generation %d: %d parents, %d products generated, %d sanitisation failures, %d new unique, %.1f s"
                  % (generation, stats["parents"], stats["products generated"], stats["sanitisation failures"],
                     len(new), stats["seconds"]), flush=True)
            parents = [(key, Chem.MolFromSmiles(key)) for key in new]
    json.dump(dict(unreadable_inputs=unreadable_inputs, input_keys=input_keys, generations=report),
              open(out_path + ".json", "w"), indent=1)


def cmd_ours(tsv_path, out_path):
    cache = {}

    def key(smiles):
        if smiles not in cache:
            mol = Chem.MolFromSmiles(smiles)
            cache[smiles] = "!unreadable " + smiles if mol is None else canonical(mol)
        return cache[smiles]

    csv.field_size_limit(10**9)
    with open(tsv_path, encoding="utf-8", newline="") as f, open(out_path, "w", encoding="utf-8") as out:
        for row in csv.DictReader(f, delimiter="\t"):
            out.write("%s\t%s\t%s\t%s\n" % (row["generation"], row["transform"], key(row["parent_smiles"]),
                                            key(row["product_smiles"])))


def read_table(path):
    """{generation: {product_key: (rule, parent_key)}} (the first row of a product)."""
    table = collections.defaultdict(dict)
    for line in open(path, encoding="utf-8"):
        generation, rule, parent, product = line.rstrip("\n").split("\t")
        table[int(generation)].setdefault(product, (rule, parent))
    return table


def skeleton(smiles):
    """Heavy-atom graph only: no H, charge, radical, bond order, aromaticity or stereo."""
    mol = Chem.MolFromSmiles(smiles, sanitize=False)
    if mol is None:
        return None
    rw = Chem.RWMol(mol)
    for atom in rw.GetAtoms():
        atom.SetFormalCharge(0)
        atom.SetNumRadicalElectrons(0)
        atom.SetNoImplicit(True)
        atom.SetNumExplicitHs(0)
        atom.SetIsAromatic(False)
        atom.SetChiralTag(Chem.ChiralType.CHI_UNSPECIFIED)
    for bond in rw.GetBonds():
        bond.SetBondType(Chem.BondType.SINGLE)
        bond.SetIsAromatic(False)
        bond.SetStereo(Chem.BondStereo.STEREONONE)
    hs = [a.GetIdx() for a in rw.GetAtoms() if a.GetAtomicNum() == 1]
    for idx in reversed(hs):
        rw.RemoveAtom(idx)
    return Chem.MolToSmiles(rw, canonical=True)


def flat(smiles):
    """Key without stereo."""
    mol = Chem.MolFromSmiles(smiles)
    return None if mol is None else Chem.MolToSmiles(mol, isomericSmiles=False)


def cmd_compare(rdkit_path, ours_path, summary_path):
    theirs, ours = read_table(rdkit_path), read_table(ours_path)
    rdkit_stats = {g["generation"]: g for g in json.load(open(rdkit_path + ".json"))["generations"]}
    try:
        summary = json.load(open(summary_path))
    except (OSError, ValueError):
        summary = {}
    all_theirs = {p: g for g in sorted(theirs, reverse=True) for p in theirs[g]}  # earliest generation wins
    all_ours = {p: g for g in sorted(ours, reverse=True) for p in ours[g]}
    generations = sorted(set(theirs) | set(ours))
    print("%-4s %8s %10s %10s %9s %9s %8s %8s %8s %8s" % ("gen", "parents", "generated", "sanit.fail", "RDKit", "ours",
                                                       "found%", "extras%", "missing", "extras"))
    differences = collections.defaultdict(collections.Counter)
    examples = {}
    for g in generations:
        want, mine = theirs.get(g, {}), ours.get(g, {})
        flat_mine = collections.defaultdict(set)
        skel_mine = collections.defaultdict(set)
        flat_want = collections.defaultdict(set)
        skel_want = collections.defaultdict(set)
        for p in mine:
            flat_mine[flat(p)].add(p)
            skel_mine[skeleton(p)].add(p)
        for p in want:
            flat_want[flat(p)].add(p)
            skel_want[skeleton(p)].add(p)
        our_parents = {parent for _, parent in mine.values()}
        their_parents = {parent for _, parent in want.values()}
        their_parent_set = set(theirs.get(g - 1, {})) if g > 1 else None
        our_parent_set = set(ours.get(g - 1, {})) if g > 1 else None
        missing, extras = set(want) - set(mine), set(mine) - set(want)
        s = rdkit_stats.get(g, {})
        print("%-4d %8d %10d %10d %9d %9d %8.2f %8.2f %8d %8d"
              % (g, s.get("parents", 0), s.get("products generated", 0), s.get("sanitisation failures", 0),
                 len(want), len(mine), pct(len(set(want) & set(mine)), len(want)), pct(len(extras), len(want)),
                 len(missing), len(extras)))
        for side, products, table, other_all, other_flat, other_skel, other_parent_set in (
                ("missing", missing, want, all_ours, flat_mine, skel_mine, our_parent_set),
                ("extra", extras, mine, all_theirs, flat_want, skel_want, their_parent_set)):
            for product in sorted(products):
                rule, parent = table[product]
                if product.startswith("!unreadable"):
                    why = "our product RDKit cannot read"
                elif product in other_all:
                    why = "found in generation %d on the other side" % other_all[product]
                    if side == "missing" and other_all[product] < g:
                        why += " (earlier: ours reached it sooner, so it was a duplicate here)"
                    elif side == "extra" and other_all[product] < g:
                        why += " (earlier: RDKit reached it sooner)"
                    else:
                        why += " (later: the other side's parent came a generation later)"
                elif other_parent_set is not None and parent not in other_parent_set:
                    why = "its parent is not a generation %d product of the other side (an earlier difference)" % (g - 1)
                elif flat(product) in other_flat:
                    why = "stereo perception (same product without stereo)"
                elif skeleton(product) in other_skel:
                    other = sorted(other_skel[skeleton(product)])[0]
                    if radicals(product) != radicals(other):
                        why = "radical/H count (same heavy-atom graph, radicals differ)"
                    else:
                        why = "H count/charge/bond orders differ on the same heavy-atom graph"
                else:
                    mol = Chem.MolFromSmiles(parent)
                    if mol is not None and mol.HasSubstructMatch(AROMATIC_EXOCYCLIC):
                        why = "aromaticity model (the parent has a ring with exocyclic =O/=S/=N RDKit calls aromatic)"
                    elif side == "missing" and radicals(product) > radicals(parent):
                        why = "RDKit's product has a radical the parent had not"
                    else:
                        why = "other (check by hand)"
                key = (g, side + ": " + why)
                differences[key][rule] += 1
                examples.setdefault(key, (rule, parent, product))
    print("-- differences by generation and cause (count, cause, by rule; example: rule: parent >> product)")
    for key in sorted(differences, key=lambda k: (k[0], -sum(differences[k].values()))):
        g, why = key
        rule, parent, product = examples[key]
        print("gen %d\t%d\t%s\t%s\n\t\texample %s: %s >> %s"
              % (g, sum(differences[key].values()), why,
                 ", ".join("%s %d" % rc for rc in differences[key].most_common()), rule, parent, product))
    if summary:
        print("-- our summary JSON per generation: %s" % json.dumps(summary.get("generations", summary.get("perGeneration", "")))[:2000])


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"rdkit": cmd_rdkit, "ours": cmd_ours, "compare": cmd_compare}[command](*args)
