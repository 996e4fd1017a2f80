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
      OUT.pairs: every distinct generation/rule/parent/product (to check our lineage columns);
      OUT.json: per generation parents, products generated (every match), unique per parent+rule
      (what apply's summary calls generated), sanitisation failures, duplicates, new unique.
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
    inputs = {key for key, _ in parents} if exclude_inputs else set()
    seen.update(inputs)
    with open(out_path, "w", encoding="utf-8") as out, open(out_path + ".pairs", "w", encoding="utf-8") as pairs:
        for generation in range(1, int(generations) + 1):
            start = time.time()
            stats = collections.Counter(parents=len(parents))
            new, input_hits = [], set()
            for parent_key, mol in parents:
                had = False
                for name, rxn in rules:
                    keys = products_of(mol, rxn, stats)
                    stats["products generated"] += len(keys)
                    for key in sorted(set(keys)):
                        had = True
                        stats["unique per parent+rule"] += 1
                        pairs.write("%d\t%s\t%s\t%s\n" % (generation, name, parent_key, key))
                        if key in seen:
                            if key in inputs:
                                input_hits.add(key)
                            continue
                        seen.add(key)
                        new.append(key)
                        out.write("%d\t%s\t%s\t%s\n" % (generation, name, parent_key, key))
                stats["parents with products"] += had
            stats["new unique"] = len(new)
            stats["input duplicates (distinct)"] = len(input_hits)
            stats["seconds"] = round(time.time() - start, 1)
            report.append(dict(generation=generation, **stats))
            print("RDKit generation %d: %d parents (%d with products), %d products generated (every match), %d unique"
                  " per parent+rule, %d sanitisation failures, %d new unique, %.1f s"
                  % (generation, stats["parents"], stats["parents with products"], stats["products generated"],
                     stats["unique per parent+rule"], stats["sanitisation failures"], len(new), stats["seconds"]),
                  flush=True)
            if generation < int(generations):
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


class Index:
    """Products by key without stereo and by heavy-atom skeleton, built on first use."""

    def __init__(self, products):
        self.products, self.by_flat, self.by_skeleton = products, None, None

    def build(self):
        if self.by_flat is None:
            self.by_flat, self.by_skeleton = collections.defaultdict(set), collections.defaultdict(set)
            for p in self.products:
                self.by_flat[flat(p)].add(p)
                self.by_skeleton[skeleton(p)].add(p)
        return self


def read_pairs(path):
    pairs = set()
    for line in open(path, encoding="utf-8"):
        generation, rule, parent, product = line.rstrip("\n").split("\t")
        pairs.add((int(generation), rule, parent, product))
    return pairs


def cmd_compare(rdkit_path, ours_path, summary_path):
    theirs, ours = read_table(rdkit_path), read_table(ours_path)
    rdkit_json = json.load(open(rdkit_path + ".json"))
    rdkit_stats = {g["generation"]: g for g in rdkit_json["generations"]}
    try:
        summary = json.load(open(summary_path))
        our_stats = {g["generation"]: g for g in summary["generations"]}
    except (OSError, ValueError, KeyError):
        summary, our_stats = {}, {}
    print("inputs RDKit cannot read: %d; inputs we reject as parents: %s; input duplicates per generation"
          " (distinct input keys produced again) RDKit %s, ours %s"
          % (rdkit_json["unreadable_inputs"], summary.get("rows", {}).get("rejectedByCategory", "-"),
             [g.get("input duplicates (distinct)") for g in rdkit_json["generations"]],
             [g["products"].get("inputDuplicates") for g in our_stats.values()]))
    all_theirs = {p: g for g in sorted(theirs, reverse=True) for p in theirs[g]}  # earliest generation wins
    all_ours = {p: g for g in sorted(ours, reverse=True) for p in ours[g]}
    rdkit_pairs = read_pairs(rdkit_path + ".pairs")
    generations = sorted(set(theirs) | set(ours))
    print("%-4s %8s %8s %10s %10s %10s %9s %9s %8s %8s %8s %8s %9s"
          % ("gen", "parents", "ours", "generated", "per-p+rule", "ours-gen", "RDKit", "ours", "found%", "extras%",
             "missing", "extras", "lineage!"))
    differences = collections.defaultdict(collections.Counter)
    examples = {}
    for g in generations:
        want, mine = theirs.get(g, {}), ours.get(g, {})
        missing, extras = set(want) - set(mine), set(mine) - set(want)
        # our lineage columns: the row's parent and transform must give the product in RDKit too
        bad_lineage = [(rule, parent, product) for product, (rule, parent) in mine.items()
                       if product in want and (g, rule, parent, product) not in rdkit_pairs]
        for rule, parent, product in bad_lineage:
            key = (g, "lineage: RDKit does not make this product from our row's parent_smiles with its transform")
            differences[key][rule] += 1
            examples.setdefault(key, (rule, parent, product))
        s, o = rdkit_stats.get(g, {}), our_stats.get(g, {})
        print("%-4d %8d %8s %10d %10d %10s %9d %9d %8.2f %8.2f %8d %8d %9d"
              % (g, s.get("parents", 0), o.get("parents", {}).get("read", "-"), s.get("products generated", 0),
                 s.get("unique per parent+rule", 0), o.get("products", {}).get("generated", "-"),
                 len(want), len(mine), pct(len(set(want) & set(mine)), len(want)), pct(len(extras), len(want)),
                 len(missing), len(extras), len(bad_lineage)))
        if not (missing or extras):
            continue
        their_index, our_index = Index(want), Index(mine)
        for side, products, table, other_all, other_index, other_parents in (
                ("missing", missing, want, all_ours, our_index, set(ours.get(g - 1, {})) if g > 1 else None),
                ("extra", extras, mine, all_theirs, their_index, set(theirs.get(g - 1, {})) if g > 1 else None)):
            for product in sorted(products):
                rule, parent = table[product]
                if product.startswith("!unreadable"):
                    why = "our product RDKit cannot read"
                elif product in other_all:
                    why = "found in generation %d on the other side" % other_all[product]
                    if other_all[product] < g:
                        why += " (earlier there: the other side reached it sooner, a duplicate here)"
                    else:
                        why += " (later there: the other side's parent came a generation later)"
                elif other_parents is not None and parent not in other_parents:
                    why = "its parent is not a generation %d product of the other side (an earlier difference)" % (g - 1)
                elif flat(product) in other_index.build().by_flat:
                    why = "stereo perception (same product without stereo)"
                elif skeleton(product) in other_index.by_skeleton:
                    other = sorted(other_index.by_skeleton[skeleton(product)])[0]
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
    print("columns: parents (RDKit, ours), products generated by RDKit (every match) and unique per parent+rule,"
          " ours-gen = apply's summary 'generated' (unique per parent+rule too); new unique RDKit and ours;"
          " lineage! = our rows whose parent_smiles+transform RDKit does not turn into product_smiles")
    print("-- differences by generation and cause (count, cause, by rule; example: rule: parent >> product)")
    if not differences:
        print("none")
    for key in sorted(differences, key=lambda k: (k[0], -sum(differences[k].values()))):
        g, why = key
        rule, parent, product = examples[key]
        print("gen %d\t%d\t%s\t%s\n\t\texample %s: %s >> %s"
              % (g, sum(differences[key].values()), why,
                 ", ".join("%s %d" % rc for rc in differences[key].most_common()), rule, parent, product))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    {"rdkit": cmd_rdkit, "ours": cmd_ours, "compare": cmd_compare}[command](*args)
